-- The language a person reads (issue 14): e-mails to them are written in it. Null means
-- the installation's default (MAINSTAY_LANGUAGE, else English), so nothing needs a backfill.
alter table people add column language text check (language in ('en', 'ko'));
-- A requester without an account says which language the public form was shown in.
alter table case_requesters add column language text check (language in ('en', 'ko'));
