/** What a secret is replaced with in every log line. */
export const REDACTED = '[redacted]';

/**
 * Query keys whose value is a credential: the calendar feed's `token`, Open311's
 * `api_key`, and the usual names a client might put a credential under.
 */
const SECRET_QUERY_KEYS = ['token', 'api_key', 'apikey', 'key', 'access_token', 'password', 'secret', 'csrf'];

const TRACK_PATH = /(\/track\/)[^/?#\s"'<>]+/gi;
// The one-time link to choose a password (an invitation or a reset): /set-password/<token>.
const PASSWORD_LINK_PATH = /(\/set-password\/)[^/?#\s"'<>]+/gi;
const SECRET_QUERY = new RegExp(`([?&;](?:${SECRET_QUERY_KEYS.join('|')})=)[^&#\\s"'<>]*`, 'gi');
const BEARER = /(\b(?:Bearer|Basic)\s+)[A-Za-z0-9._~+/=-]+/gi;
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@"']*:)[^\s@/"']+@/gi;

/**
 * Replaces the secrets a URL or a message may carry: the tracking token after
 * `/track/` (API and web pages), the password link's token after `/set-password/`, secret query parameters, bearer credentials and
 * the password in a `scheme://user:password@host` address.
 */
export function redactSecrets(text: string): string {
  return text
    .replace(TRACK_PATH, `$1${REDACTED}`)
    .replace(PASSWORD_LINK_PATH, `$1${REDACTED}`)
    .replace(SECRET_QUERY, `$1${REDACTED}`)
    .replace(BEARER, `$1${REDACTED}`)
    .replace(URL_PASSWORD, `$1${REDACTED}@`);
}
