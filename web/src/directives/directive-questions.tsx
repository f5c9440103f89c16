import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../api/client';
import type { Question } from '../api/directives';
import { useAction } from '../api/use-action';
import { Empty, ErrorMessage } from '../components/status';
import { useFormat } from '../i18n/format';

interface Props {
  directiveId: string;
  questions: Question[];
  /** The issuing unit answers, once for all receivers. */
  canAnswer?: boolean;
  /** A receiving unit asks through its assignment. */
  askThrough?: string | undefined;
  onChanged: () => void;
}

/** Questions receivers asked and the issuer's answers, which every receiver reads. */
export function DirectiveQuestions({ directiveId, questions, canAnswer, askThrough, onChanged }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="questions-heading">
      <h2 id="questions-heading">{t('directives.questions')}</h2>
      {questions.length === 0 && <Empty>{t('directives.noQuestions')}</Empty>}
      <ol className="plain-list">
        {questions.map((q, index) => (
          <li key={q.id}>
            <p className="question">{q.text} <span className="muted">— {q.askedBy}, {format.dateTime(q.askedAt)}</span></p>
            {q.answer !== null
              ? <p className="answer"><strong>{t('directives.answer')}:</strong> {q.answer} {q.answeredAt && <span className="muted">({format.dateTime(q.answeredAt)})</span>}</p>
              : canAnswer ? <AnswerForm directiveId={directiveId} questionId={q.id} n={index + 1} onAnswered={onChanged} /> : <p className="muted">{t('directives.notAnswered')}</p>}
          </li>
        ))}
      </ol>
      {askThrough && <AskForm assignmentId={askThrough} onAsked={onChanged} />}
    </section>
  );
}

function AnswerForm({ directiveId, questionId, n, onAnswered }: { directiveId: string; questionId: string; n: number; onAnswered: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const action = useAction();
  const id = `answer-${questionId}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(() => unwrap(api.POST('/api/v1/directives/{id}/questions/{questionId}/answer', {
      params: { path: { id: directiveId, questionId } }, body: { answer: text.trim() },
    })), () => { setText(''); onAnswered(); });
  };
  return (
    <form onSubmit={submit} className="inline-form">
      <div className="field">
        <label htmlFor={id}>{t('directives.answerLabel', { n })}</label>
        <textarea id={id} rows={2} required maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <button type="submit" disabled={action.busy}>{t('directives.sendAnswer')}</button>
      <ErrorMessage error={action.error} />
    </form>
  );
}

function AskForm({ assignmentId, onAsked }: { assignmentId: string; onAsked: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const action = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void action.run(() => unwrap(api.POST('/api/v1/assignments/{id}/questions', { params: { path: { id: assignmentId } }, body: { text: text.trim() } })),
      () => { setText(''); onAsked(); });
  };
  return (
    <form onSubmit={submit} className="inline-form">
      <div className="field">
        <label htmlFor="ask-question">{t('directives.ask')}</label>
        <textarea id="ask-question" rows={2} required maxLength={4000} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <button type="submit" disabled={action.busy}>{t('directives.sendQuestion')}</button>
      <ErrorMessage error={action.error} />
    </form>
  );
}
