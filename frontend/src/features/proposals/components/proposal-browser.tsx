import { phaseAtLeast } from '@decidimos/contracts/editions/phases';
import type { EditionView, ProposalStatus, ProposalView } from '@decidimos/contracts/api/schemas';
import { PROPOSAL_STATUSES } from '@decidimos/contracts/api/schemas';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { SelectField, TextField } from '../../../components/fields';
import { Loading } from '../../../components/loading';
import { ProblemAlert } from '../../../components/problem-alert';
import { StatusBadge } from '../../../components/status-badge';
import { districtName, editionPools } from '../../../lib/api/get-edition';
import { useProposals } from '../../../lib/api/get-proposals';
import { useFormat } from '../../../lib/format';
import { paths } from '../../../lib/paths';

const PAGE_SIZE = 20;

function isStatus(value: string | null): value is ProposalStatus {
  return (PROPOSAL_STATUSES as readonly string[]).includes(value ?? '');
}

/** Search and filters live in the address, so a filtered list can be shared and survives a reload. */
export function ProposalBrowser({ edition }: { edition: EditionView }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = params.get('status');
  const filters = {
    district: params.get('district') || undefined,
    status: isStatus(status) ? status : undefined,
    category: params.get('category') || undefined,
    q: params.get('q') || undefined,
    page: Number(params.get('page')) || 1,
    pageSize: PAGE_SIZE,
  };
  const category = filters.category ?? '';
  const proposals = useProposals(edition.id, filters);
  const [text, setText] = useState(filters.q ?? '');

  function update(changes: Record<string, string>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  }

  function search(event: FormEvent) {
    event.preventDefault();
    update({ q: text.trim() });
  }

  const items = proposals.data?.items ?? [];
  // The server's facet spans the whole edition; a shared address may name one it no longer has.
  const categories = proposals.data?.categories ?? [];
  const total = proposals.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <form role="search" className="filters" onSubmit={search} aria-label={t('proposals.searchLabel')}>
        <TextField label={t('proposals.search')} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        <div className="actions">
          <button type="submit" className="button">
            {t('proposals.searchButton')}
          </button>
        </div>
        <SelectField
          label={t('proposals.district')}
          value={filters.district ?? ''}
          onChange={(e) => update({ district: e.target.value })}
        >
          <option value="">{t('proposals.allDistricts')}</option>
          {editionPools(edition).map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('proposals.status')}
          value={filters.status ?? ''}
          onChange={(e) => update({ status: e.target.value })}
        >
          <option value="">{t('proposals.allStatuses')}</option>
          {PROPOSAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('proposals.category')}
          value={category}
          onChange={(e) => update({ category: e.target.value })}
        >
          <option value="">{t('proposals.allCategories')}</option>
          {(category && !categories.includes(category) ? [...categories, category] : categories).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
      </form>
      {proposals.error ? <ProblemAlert error={proposals.error} onRetry={() => void proposals.refetch()} /> : null}
      {proposals.isPending ? <Loading /> : null}
      <p role="status" className="result-count">
        {proposals.data ? t('proposals.count', { count: total }) : ''}
      </p>
      <ul className="cards">
        {items.map((proposal) => (
          <ProposalCard key={proposal.id} proposal={proposal} edition={edition} />
        ))}
      </ul>
      {pages > 1 ? (
        <nav aria-label={t('proposals.pages')} className="pager">
          <button
            type="button"
            className="button secondary"
            disabled={filters.page <= 1}
            onClick={() => update({ page: String(filters.page - 1) })}
          >
            {t('proposals.previous')}
          </button>
          <span>{t('proposals.pageOf', { page: filters.page, pages })}</span>
          <button
            type="button"
            className="button secondary"
            disabled={filters.page >= pages}
            onClick={() => update({ page: String(filters.page + 1) })}
          >
            {t('proposals.next')}
          </button>
        </nav>
      ) : null}
    </>
  );
}

function ProposalCard({ proposal, edition }: { proposal: ProposalView; edition: EditionView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const showSupports = edition.rules.supports.enabled && phaseAtLeast(edition.phase, 'supports');
  return (
    <li className="card">
      <h2 className="card-title">
        <Link to={paths.proposal(proposal.id)}>{proposal.title}</Link>
      </h2>
      <p className="card-meta">
        <StatusBadge status={proposal.status} /> <span>{districtName(edition, proposal.district)}</span>
        {proposal.category ? <span> · {proposal.category}</span> : null}
      </p>
      <p className="card-figures">
        <span>{t('proposals.cost', { cost: format.money(proposal.cost) })}</span>
        {showSupports ? <span>{t('proposals.supports', { count: proposal.supports })}</span> : null}
        {proposal.votes !== null ? <span>{t('proposals.votes', { count: proposal.votes })}</span> : null}
      </p>
    </li>
  );
}
