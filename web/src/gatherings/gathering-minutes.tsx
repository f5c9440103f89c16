import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { api, unwrap } from '../api/client';
import type { GatheringView } from '../api/gatherings';
import { useAction } from '../api/use-action';
import { Field } from '../components/field';
import { Empty, ErrorMessage } from '../components/status';
import { useFormat } from '../i18n/format';

type AgendaItem = GatheringView['agenda'][number];
type Decision = GatheringView['decisions'][number];

/** The agenda, each item with its minutes: an editor per item for the conveners, the text for everyone else. */
export function AgendaSection({ g, onChanged }: { g: GatheringView; onChanged: () => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="agenda-heading">
      <h2 id="agenda-heading">{t('minutes.agenda')}</h2>
      {g.agenda.length === 0 && <Empty>{t('minutes.noAgenda')}</Empty>}
      <ol className="agenda">
        {g.agenda.map((item) => (
          <li key={item.index}>
            <h3>{item.title}</h3>
            {g.abilities.keepMinutes ? <MinutesEditor gatheringId={g.id} item={item} /> : item.minutes
              ? <p className="description">{item.minutes}</p>
              : <p className="muted">{t('minutes.none')}</p>}
          </li>
        ))}
      </ol>
      {g.abilities.keepMinutes && <AddAgendaItem gatheringId={g.id} onAdded={onChanged} />}
    </section>
  );
}

function MinutesEditor({ gatheringId, item }: { gatheringId: string; item: AgendaItem }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(item.minutes ?? '');
  const [saved, setSaved] = useState(item.minutes ?? '');
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const minutes = text;
    void action.run(() => unwrap(api.POST('/api/v1/gatherings/{id}/agenda', { params: { path: { id: gatheringId } }, body: { index: item.index, minutes } })), () => setSaved(minutes));
  };
  const dirty = text !== saved;
  return (
    <form onSubmit={submit} className="minutes-form">
      <div className="field">
        <label htmlFor={id}>{t('minutes.of', { n: item.index + 1, title: item.title })}</label>
        <textarea id={id} rows={4} maxLength={50_000} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="toolbar">
        <button type="submit" className="secondary" disabled={action.busy || !dirty}>{t('minutes.save', { n: item.index + 1 })}</button>
        <span className="muted" role="status">{dirty ? t('minutes.unsaved') : saved ? t('minutes.saved') : ''}</span>
      </div>
      <ErrorMessage error={action.error} />
    </form>
  );
}

function AddAgendaItem({ gatheringId, onAdded }: { gatheringId: string; onAdded: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(() => unwrap(api.POST('/api/v1/gatherings/{id}/agenda', { params: { path: { id: gatheringId } }, body: { title: title.trim() } })), () => {
      setTitle('');
      onAdded();
    });
  };
  return (
    <form className="inline-form" onSubmit={submit}>
      <Field label={t('minutes.newItem')} required maxLength={300} value={title} onChange={(e) => setTitle(e.target.value)} />
      <button type="submit" className="secondary" disabled={action.busy}>{t('minutes.addItem')}</button>
      <ErrorMessage error={action.error} />
    </form>
  );
}

/** Decisions with their votes; each can become a pre-filled draft directive in one step. */
export function DecisionsSection({ g, onChanged }: { g: GatheringView; onChanged: () => void }) {
  const { t } = useTranslation();
  const manage = g.abilities.manage;
  if (!manage && g.decisions.length === 0) return null;
  return (
    <section aria-labelledby="decisions-heading">
      <h2 id="decisions-heading">{t('decisions.heading')}</h2>
      {g.decisions.length === 0 && <Empty>{t('decisions.none')}</Empty>}
      <ol className="decisions">
        {g.decisions.map((d) => <DecisionRow key={d.id} g={g} decision={d} />)}
      </ol>
      {g.abilities.keepMinutes && <RecordDecision g={g} onRecorded={onChanged} />}
    </section>
  );
}

function DecisionRow({ g, decision }: { g: GatheringView; decision: Decision }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [, navigate] = useLocation();
  const action = useAction();
  const item = decision.agendaIndex === null ? undefined : g.agenda.find((a) => a.index === decision.agendaIndex);
  const makeDirective = () => action.run(async () => {
    const directive = await unwrap(api.POST('/api/v1/decisions/{id}/directive', { params: { path: { id: decision.id } } }));
    navigate(`/directives/${directive.id}`);
  });
  return (
    <li>
      <p className="decision-text">{decision.text}</p>
      <p className="muted">
        {item && <>{t('decisions.onItem', { n: item.index + 1, title: item.title })} · </>}
        {decision.votes
          ? t('decisions.votes', { for: format.number(decision.votes.for), against: format.number(decision.votes.against), abstain: format.number(decision.votes.abstain) })
          : t('decisions.noVote')}
      </p>
      {decision.directiveId
        ? <p><Link href={`/directives/${decision.directiveId}`}>{t('decisions.directive')}</Link></p>
        : g.abilities.manage && (
          <div className="toolbar">
            <button type="button" className="secondary" disabled={action.busy} onClick={() => void makeDirective()}>{t('decisions.makeDirective')}</button>
          </div>
        )}
      <ErrorMessage error={action.error} />
    </li>
  );
}

const noVotes = { for: '', against: '', abstain: '' };

function RecordDecision({ g, onRecorded }: { g: GatheringView; onRecorded: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [agendaIndex, setAgendaIndex] = useState('');
  const [voted, setVoted] = useState(false);
  const [votes, setVotes] = useState(noVotes);
  const action = useAction();
  const count = (value: string) => (value.trim() === '' ? 0 : Number(value));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      text: text.trim(),
      ...(agendaIndex !== '' ? { agendaIndex: Number(agendaIndex) } : {}),
      ...(voted ? { votes: { for: count(votes.for), against: count(votes.against), abstain: count(votes.abstain) } } : {}),
    };
    void action.run(() => unwrap(api.POST('/api/v1/gatherings/{id}/decisions', { params: { path: { id: g.id } }, body })), () => {
      setText(''); setAgendaIndex(''); setVoted(false); setVotes(noVotes);
      onRecorded();
    });
  };
  return (
    <form className="compose" onSubmit={submit} aria-labelledby="record-decision-heading">
      <h3 id="record-decision-heading">{t('decisions.record')}</h3>
      <div className="field">
        <label htmlFor="decision-text">{t('decisions.text')}</label>
        <textarea id="decision-text" rows={3} required maxLength={10_000} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      {g.agenda.length > 0 && (
        <div className="field">
          <label htmlFor="decision-item">{t('decisions.agendaItem')}</label>
          <select id="decision-item" value={agendaIndex} onChange={(e) => setAgendaIndex(e.target.value)}>
            <option value="">{t('decisions.noItem')}</option>
            {g.agenda.map((a) => <option key={a.index} value={a.index}>{a.index + 1}. {a.title}</option>)}
          </select>
        </div>
      )}
      <label className="check"><input type="checkbox" checked={voted} onChange={(e) => setVoted(e.target.checked)} /> {t('decisions.voted')}</label>
      {voted && (
        <div className="vote-fields">
          <Field label={t('decisions.for')} type="number" inputMode="numeric" min={0} value={votes.for} onChange={(e) => setVotes({ ...votes, for: e.target.value })} />
          <Field label={t('decisions.against')} type="number" inputMode="numeric" min={0} value={votes.against} onChange={(e) => setVotes({ ...votes, against: e.target.value })} />
          <Field label={t('decisions.abstain')} type="number" inputMode="numeric" min={0} value={votes.abstain} onChange={(e) => setVotes({ ...votes, abstain: e.target.value })} />
        </div>
      )}
      <ErrorMessage error={action.error} />
      <button type="submit" disabled={action.busy}>{t('decisions.submit')}</button>
    </form>
  );
}
