/**
 * Passwords of at least the minimum length that top every leaked-password list,
 * compared lower-cased. Shorter ones are refused by length already.
 */
export const COMMON_PASSWORDS = new Set([
  '1234567890', '12345678910', '123456789a', 'a123456789', '0123456789', '0987654321', '9876543210', '1111111111',
  '11111111111', '0000000000', '1212121212', '123123123123', '1234512345', '1122334455', '1234567891', '12345678901',
  '123456789012', '1234567890123', '6666666666', '7777777777', '8888888888', '9999999999', '2222222222', '5555555555',
  'qwertyuiop', 'qwertyuiop123', 'qwerty1234', 'qwerty12345', 'qwerty123456', 'qwertyui123', 'qwertyuiop1',
  'asdfghjkl1', 'asdfghjkl;', 'asdfghjkl123', 'zxcvbnm123', 'zxcvbnm1234', '1qaz2wsx3edc', 'zaq12wsxcde3',
  '1q2w3e4r5t', '1q2w3e4r5t6y', 'q1w2e3r4t5', 'q1w2e3r4t5y6', '123qweasdzxc', '1234qwerasdf', 'qazwsxedcrfv',
  'abcdefghij', 'abcdefghijk', 'abcd123456', 'abc1234567', 'abcdef123456', 'aaaaaaaaaa', 'password12', 'password123',
  'password1234', 'password12345', 'password!23', 'passw0rd123', 'p@ssw0rd123', 'p@ssword123', 'passwordpassword',
  'mypassword', 'mypassword1', 'newpassword', 'newpassword1', 'secretpassword', 'supersecret', 'supersecret1',
  'welcome123', 'welcome1234', 'welcometo123', 'admin12345', 'admin123456', 'administrator', 'administrator1',
  'letmein123', 'letmeinnow', 'changeme123', 'changeme1234', 'iloveyou12', 'iloveyou123', 'iloveyou1234', 'iloveyou!!',
  'football123', 'football12', 'baseball123', 'basketball', 'basketball1', 'basketball123', 'soccer1234', 'hockey1234',
  'princess123', 'princess12', 'sunshine123', 'sunshine12', 'monkey12345', 'monkey1234', 'dragon1234', 'dragon12345',
  'master1234', 'master12345', 'shadow1234', 'superman123', 'batman1234', 'trustno1234', 'starwars123', 'pokemon123',
  'computer123', 'computer12', 'internet123', 'whatever123', 'chocolate1', 'chocolate123', 'butterfly1', 'butterfly123',
  'strawberry', 'strawberry1', 'blueberry1', 'pineapple1', 'watermelon', 'watermelon1', 'jessica123', 'michael123',
  'jennifer123', 'charlie123', 'elizabeth1', 'christopher', 'alexander1', 'victoria123', 'jordan2323', 'michelle12',
  'nicole1234', 'daniel1234', 'anthony123', 'spiderman1', 'spiderman123', 'liverpool1', 'liverpool123', 'chelsea123',
  'arsenal123', 'manchester', 'manchester1', 'barcelona1', 'realmadrid', 'playstation', 'playstation2', 'minecraft1',
  'minecraft123', 'fortnite123', 'qwerty123!', 'password1!', 'password!', 'welcome1!', 'summer2024', 'summer2025',
  'summer2026', 'winter2024', 'winter2025', 'winter2026', 'spring2025', 'spring2026', 'autumn2025', 'autumn2026',
  'january2026', 'november2026', 'december2025', 'company123', 'letmein!23', 'lovelove12', 'loveyou123', 'freedom123',
  'helloworld', 'helloworld1', 'hello12345', 'hello123456', 'goodluck123', 'testtest12', 'test123456', 'testing123',
  'default123', 'guest12345', 'user123456', 'root123456', 'adminadmin', 'adminadmin1', 'mainstay123', 'mainstay1234',
  'organization', 'organisation', 'secretary1', 'secretary123', 'committee1', 'committee123',
]);

export function isCommonPassword(password: string): boolean {
  const p = password.toLowerCase();
  // A single character repeated, or a run of one keyboard row, is as weak as the list.
  return COMMON_PASSWORDS.has(p) || /^(.)\1+$/.test(p) || /^(.{1,3})\1{3,}$/.test(p);
}
