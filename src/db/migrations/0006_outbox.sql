-- The transactional outbox: a command that must send mail inserts a row in its own
-- transaction, so a change that rolls back sends nothing; a delivery worker sends
-- the committed rows afterwards, retrying with backoff. Nothing is deleted: a sent or
-- failed message stays as the record of what was sent to whom.

create table outbox_messages (
  id uuid primary key,
  -- What the message is about, for operators and for the feature that sent it
  -- (e.g. 'case.assigned'), and the object it refers to, if any.
  kind text not null check (kind ~ '^[a-z][a-z0-9_.-]{0,63}$'),
  ref_type text check (length(ref_type) between 1 and 64),
  ref_id text check (length(ref_id) between 1 and 200),
  -- One recipient per row: each is retried, and fails, on its own.
  to_address text not null check (length(to_address) between 3 and 320 and to_address like '%@%'),
  subject text not null check (length(subject) between 1 and 998),
  text_body text not null,
  html_body text,
  -- [{ "filename", "contentType", "base64" }]
  attachments jsonb not null default '[]' check (jsonb_typeof(attachments) = 'array'),
  -- pending: waiting (or waiting again after a failure); sending: claimed by a worker
  -- until next_attempt_at (its lease); sent; failed: gave up after the last attempt.
  status text not null default 'pending' check (status in ('pending', 'sending', 'sent', 'failed')),
  attempts int not null default 0 check (attempts >= 0),
  -- When the message is next due: null = at once; a retry's backoff; a claim's lease.
  next_attempt_at timestamptz,
  last_attempt_at timestamptz,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  check ((status = 'sent') = (sent_at is not null))
);
-- What a worker scans: only the rows still to send, soonest first.
create index outbox_messages_due on outbox_messages (next_attempt_at nulls first, id)
  where status in ('pending', 'sending');
-- The operator's list (mainstay outbox), newest first, by status.
create index outbox_messages_status on outbox_messages (status, created_at desc, id desc);

-- Recipients' addresses are personal data: any transaction may enqueue (a command
-- runs in its actor's scope), but only a system or administrator scope — the
-- delivery worker, the operator's CLI — may read or change the queue.
grant select, insert, update on outbox_messages to mainstay_app;
alter table outbox_messages enable row level security;
alter table outbox_messages force row level security;
create policy outbox_messages_enqueue on outbox_messages for insert with check (true);
create policy outbox_messages_read on outbox_messages for select using (mainstay_is_admin());
create policy outbox_messages_deliver on outbox_messages for update
  using (mainstay_is_admin()) with check (mainstay_is_admin());
