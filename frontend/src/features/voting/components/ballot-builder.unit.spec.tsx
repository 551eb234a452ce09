import type { BallotRules } from '@decidimos/contracts/editions/edition';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../../testing/render';
import { draftStorageKey } from '../hooks/use-ballot-draft';
import { BallotBuilder } from './ballot-builder';

const knapsack: BallotRules = {
  method: 'knapsack',
  maxSelections: null,
  minSelections: 0,
  minSpendShare: 0,
  revoting: true,
};
const approval: BallotRules = { ...knapsack, method: 'approval', maxSelections: 2 };
const options = [
  { id: 'parque', title: 'Parque Alameda', cost: 600_000 },
  { id: 'banquetas', title: 'Banquetas Centro', cost: 300_000 },
  { id: 'cancha', title: 'Cancha techada', cost: 500_000 },
];
const EDITION = 'pp-2027';
const centro = { id: 'centro', name: 'Centro', budget: 1_000_000, options };
const ciudad = {
  id: 'ciudad',
  name: 'Toda la ciudad',
  budget: 2_000_000,
  options: [
    { id: 'ciclovia', title: 'Ciclovía metropolitana', cost: 1_500_000 },
    { id: 'bebederos', title: 'Bebederos en parques', cost: 700_000 },
  ],
};

function renderBuilder(
  rules: BallotRules,
  extra: { initialSelection?: string[]; onReview?: () => void; pools?: (typeof centro)[] } = {},
) {
  const onReview = extra.onReview ?? jest.fn();
  const view = renderWithApp(
    <BallotBuilder
      editionId={EDITION}
      pools={extra.pools ?? [centro]}
      rules={rules}
      onReview={onReview}
      {...(extra.initialSelection ? { initialSelection: extra.initialSelection } : {})}
    />,
  );
  return { ...view, onReview };
}

const box = (title: string) => screen.getByRole('checkbox', { name: new RegExp(title) });
// es-MX money as Intl writes it, whatever space character the ICU version puts in.
const pesos = (text: string) => new RegExp(text.replace(/\$/g, '\\$').replace(/ /g, '\\s?'));

describe('the budget bar of a knapsack ballot', () => {
  it('shows what the picks cost and what is left of the district budget, in pesos', async () => {
    renderBuilder(knapsack);
    expect(screen.getByText(pesos('Quedan $1,000,000.'))).toBeInTheDocument();
    await userEvent.click(box('Parque Alameda'));
    expect(box('Parque Alameda')).toBeChecked();
    expect(screen.getByText(pesos('Llevas $600,000 de $1,000,000.'))).toBeInTheDocument();
    expect(screen.getByText(pesos('Quedan $400,000.'))).toBeInTheDocument();
  });

  it('refuses a pick that would go over budget and says why, next to it', async () => {
    renderBuilder(knapsack);
    await userEvent.click(box('Parque Alameda'));
    await userEvent.click(box('Cancha techada'));
    expect(box('Cancha techada')).not.toBeChecked();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(pesos('Tu selección cuesta $1,100,000 y el presupuesto es $1,000,000.'));
    expect(alert).toHaveTextContent('Quita otra propuesta para hacerle espacio.');
    expect(screen.getByText(pesos('Quedan $400,000.'))).toBeInTheDocument();
  });

  it('marks the proposals that no longer fit before anyone tries them', async () => {
    renderBuilder(knapsack);
    await userEvent.click(box('Parque Alameda'));
    expect(box('Cancha techada')).toHaveAccessibleDescription(/No cabe en lo que queda del presupuesto/);
    expect(box('Banquetas Centro')).not.toHaveAccessibleDescription(/No cabe/);
  });

  it('speaks English with the same figures when English is chosen', async () => {
    renderWithApp(<BallotBuilder editionId={EDITION} pools={[centro]} rules={knapsack} onReview={jest.fn()} />, {
      language: 'en',
    });
    await userEvent.click(box('Banquetas Centro'));
    expect(screen.getByText(/You have used .*300,000 of .*1,000,000\./)).toBeInTheDocument();
  });
});

describe('the counter of an approval ballot', () => {
  it('counts picks against k and refuses one more than k', async () => {
    renderBuilder(approval);
    expect(screen.queryByText(/Quedan/)).not.toBeInTheDocument();
    await userEvent.click(box('Parque Alameda'));
    await userEvent.click(box('Cancha techada'));
    expect(screen.getByText('Elegiste 2 de 2 propuestas posibles.')).toBeInTheDocument();
    await userEvent.click(box('Banquetas Centro'));
    expect(box('Banquetas Centro')).not.toBeChecked();
    expect(screen.getByRole('alert')).toHaveTextContent('Puedes elegir como máximo 2 propuestas.');
  });

  it('ignores cost: an approval ballot may pick more than the budget', async () => {
    renderBuilder({ ...approval, maxSelections: 3 });
    for (const title of ['Parque Alameda', 'Banquetas Centro', 'Cancha techada']) await userEvent.click(box(title));
    expect(screen.getByText('Elegiste 3 de 3 propuestas posibles.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('going on to review', () => {
  it('will not review an empty ballot, and says so', async () => {
    const { onReview } = renderBuilder(knapsack);
    await userEvent.click(screen.getByRole('button', { name: 'Revisar mi voto' }));
    expect(onReview).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('Elige al menos una propuesta.');
  });

  it('holds back a ballot under the edition’s minimum of picks', async () => {
    const { onReview } = renderBuilder({ ...approval, minSelections: 2 });
    await userEvent.click(box('Parque Alameda'));
    await userEvent.click(screen.getByRole('button', { name: 'Revisar mi voto' }));
    expect(onReview).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('Debes elegir al menos 2 propuestas.');
  });

  it('holds back a knapsack ballot under the minimum share of the budget', async () => {
    const { onReview } = renderBuilder({ ...knapsack, minSpendShare: 0.5 });
    await userEvent.click(box('Banquetas Centro'));
    await userEvent.click(screen.getByRole('button', { name: 'Revisar mi voto' }));
    expect(onReview).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent(pesos('al menos $500,000; ahora suma $300,000'));
  });

  it('goes on with a ballot that keeps every rule', async () => {
    const { onReview } = renderBuilder(knapsack);
    await userEvent.click(box('Banquetas Centro'));
    await userEvent.click(screen.getByRole('button', { name: 'Revisar mi voto' }));
    expect(onReview).toHaveBeenCalledTimes(1);
  });
});

describe('the draft', () => {
  it('survives a reload: picks come back from this device', async () => {
    const first = renderBuilder(knapsack);
    await userEvent.click(box('Parque Alameda'));
    await userEvent.click(box('Banquetas Centro'));
    first.unmount();
    renderBuilder(knapsack);
    expect(box('Parque Alameda')).toBeChecked();
    expect(box('Banquetas Centro')).toBeChecked();
    expect(box('Cancha techada')).not.toBeChecked();
    expect(screen.getByText(pesos('Quedan $100,000.'))).toBeInTheDocument();
  });

  it('keeps the same idempotency key across reloads, so a retried cast records one ballot', async () => {
    const first = renderBuilder(knapsack);
    await userEvent.click(box('Parque Alameda'));
    const key = JSON.parse(localStorage.getItem(draftStorageKey(EDITION))!).idempotencyKey;
    first.unmount();
    renderBuilder(knapsack);
    await userEvent.click(box('Banquetas Centro'));
    expect(JSON.parse(localStorage.getItem(draftStorageKey(EDITION))!)).toEqual({
      selection: ['parque', 'banquetas'],
      idempotencyKey: key,
    });
  });

  it('starts from the ballot already cast when there is no draft, and stores nothing until a change', () => {
    renderBuilder(knapsack, { initialSelection: ['cancha'] });
    expect(box('Cancha techada')).toBeChecked();
    expect(localStorage.getItem(draftStorageKey(EDITION))).toBeNull();
  });

  it('drops picks that are no longer on the ballot', () => {
    localStorage.setItem(
      draftStorageKey(EDITION),
      JSON.stringify({ selection: ['gone', 'cancha'], idempotencyKey: 'k' }),
    );
    renderBuilder(knapsack);
    expect(box('Cancha techada')).toBeChecked();
    expect(screen.getByText(pesos('Quedan $500,000.'))).toBeInTheDocument();
  });
});

describe('a ballot with the citywide pool', () => {
  const both = { pools: [centro, ciudad] };

  it('shows each pool under its name with its own budget bar', async () => {
    renderBuilder(knapsack, both);
    const district = screen.getByRole('region', { name: 'Centro' });
    const citywide = screen.getByRole('region', { name: 'Toda la ciudad' });
    expect(within(district).getByRole('heading', { name: 'Centro' })).toBeInTheDocument();
    expect(within(citywide).getByText('2 propuestas en la boleta de Toda la ciudad')).toBeInTheDocument();
    await userEvent.click(box('Parque Alameda'));
    await userEvent.click(box('Ciclovía metropolitana'));
    expect(within(district).getByText(pesos('Llevas $600,000 de $1,000,000.'))).toBeInTheDocument();
    expect(within(citywide).getByText(pesos('Llevas $1,500,000 de $2,000,000.'))).toBeInTheDocument();
    expect(within(citywide).getByText(pesos('Quedan $500,000.'))).toBeInTheDocument();
  });

  it('refuses a pick over the budget of its own pool only, and says why next to it', async () => {
    renderBuilder(knapsack, both);
    await userEvent.click(box('Ciclovía metropolitana'));
    await userEvent.click(box('Bebederos en parques'));
    expect(box('Bebederos en parques')).not.toBeChecked();
    expect(screen.getByRole('alert')).toHaveTextContent(
      pesos('Tu selección cuesta $2,200,000 y el presupuesto es $2,000,000.'),
    );
    // The district's budget is its own: a pick there still fits.
    await userEvent.click(box('Parque Alameda'));
    expect(box('Parque Alameda')).toBeChecked();
  });

  it('applies the minimum of picks to each pool and names the pool that falls short', async () => {
    const { onReview } = renderBuilder({ ...approval, minSelections: 1 }, both);
    await userEvent.click(box('Parque Alameda'));
    await userEvent.click(screen.getByRole('button', { name: 'Revisar mi voto' }));
    expect(onReview).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('Toda la ciudad: Debes elegir al menos 1 propuesta.');
    await userEvent.click(box('Bebederos en parques'));
    await userEvent.click(screen.getByRole('button', { name: 'Revisar mi voto' }));
    expect(onReview).toHaveBeenCalledTimes(1);
    expect(JSON.parse(localStorage.getItem(draftStorageKey(EDITION))!).selection).toEqual(['parque', 'bebederos']);
  });
});
