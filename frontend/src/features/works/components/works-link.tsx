import { Link } from 'react-router';
import { paths } from '../../../lib/paths';
import { useWorksT } from '../i18n';

/** From the results to the works they became. */
export function WorksLink({ editionId }: { editionId: string }) {
  const t = useWorksT();
  return (
    <p>
      <Link className="button" to={paths.works(editionId)}>
        {t('link')}
      </Link>
    </p>
  );
}
