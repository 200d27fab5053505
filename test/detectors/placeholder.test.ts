import { describe, expect, it } from 'vitest';
import { isPlaceholder, splitWords } from '../../src/detectors/placeholder.js';
import { ALPHABETS, randomFrom } from './random.js';

describe('isPlaceholder: recognises non-secrets', () => {
  const cases: Array<[string, string]> = [
    ['<YOUR_KEY>', 'template'],
    ['<your api key>', 'template'],
    ['${VAR}', 'template'],
    ['$dbPassword', 'template'],
    ['%ProgramFiles%', 'template'],
    ['__API_KEY__', 'template'],
    ['${DB_PASSWORD:-changeme}', 'template'],
    ['${{ secrets.NPM_TOKEN }}', 'template'],
    ['{{h}o)p${e]nob(ody}}', 'template'], // {{ … }} around the whole value
    ['<{h>o)p${e]nob(ody>>', 'template'],
    ['{{ vault_password }}', 'template'],
    ['{{.Values.token}}', 'template'],
    ['%(password)s', 'template'],
    ['$VAR', 'template'],
    ['$DB_PASSWORD', 'template'],
    ['{env:API_KEY}', 'template'],
    ['#{secret_key}', 'template'],
    ['<%= ENV["SECRET"] %>', 'template'],
    ['$(cat /run/secrets/token)', 'template'],
    ['%API_TOKEN%', 'template'],
    ['@DB_PASS@', 'template'],
    ['__SECRET_KEY__', 'template'],
    ['[YOUR_TOKEN]', 'template'],
    ['changeme', 'example-marker'],
    ['not_a_real_password', 'example-marker'],
    ['00000ed850cddbece40760b800867f1231d43f2d2586', 'repeated'], // documentation's zeroed-out key
    ['NOT-A-REAL-TOKEN-4f2a', 'example-marker'],
    ['CHANGEME', 'example-marker'],
    ['change_me_please', 'example-marker'],
    ['53d49dnotakeyata9bac57a3d86c517ded974b19', 'example-marker'], // says it is not a key
    ['2b7e151628aed2a6abf7158809cf4f3c', 'known-test-value'], // NIST SP 800-38A's AES-128 key
    ['603DEB1015CA71BE2B73AEF0857D77811F352C073B6108D72D9810A30914DFF4', 'known-test-value'], // its AES-256 key
    ['000102030405060708090a0b0c0d0e0f', 'sequential'], // bytes counting up: a test vector's key
    ['fffefdfcfbfaf9f8', 'sequential'], // and down
    ['<|endoftext|>', 'template'], // a language model's special token
    ['mypassword', 'placeholder-words'], // words run together
    ['wrongpass', 'placeholder-words'], // a test's deliberately wrong password
    ['incorrect_password', 'placeholder-words'],
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYESATESTKEY', 'known-example'], // the AWS docs example, edited
    ['12e45678-12e4-12e4-12e4-12e45f9b3c02', 'repeated'], // a piece three times
    ['thisismysecrettoken', 'placeholder-words'],
    ['password', 'placeholder-words'],
    ['Password1', 'placeholder-words'],
    ['P@ssw0rd', 'placeholder-words'],
    ['s3cr3t', 'placeholder-words'],
    ['secret', 'placeholder-words'],
    ['my-secret-token', 'placeholder-words'],
    ['YOUR_API_KEY_HERE', 'example-marker'],
    ['redis-password-goes-here', 'example-marker'],
    ['TOKEN_GOES_HERE', 'example-marker'],
    ['yourApiKey', 'placeholder-words'],
    ['example', 'example-marker'],
    ['dummy', 'example-marker'],
    ['DummyToken', 'example-marker'],
    ['sample_secret', 'example-marker'],
    ['test123', 'placeholder-words'],
    ['test1234', 'placeholder-words'],
    ['admin123', 'placeholder-words'],
    ['REDACTED', 'example-marker'],
    ['[REDACTED]', 'template'],
    ['xxxxxxxxxxxxxxxxxxxx', 'masked'],
    ['XXXX-XXXX-XXXX-XXXX', 'masked'],
    ['sk_live_xxxxxxxxxxxxxxxxxxxxxxxx', 'masked'],
    ['AKIAXXXXXXXXXXXXXXXX', 'masked'],
    ['****', 'masked'],
    ['********************', 'masked'],
    ['abc•••••', 'masked'],
    ['AKIAIOSFODNN7EXAMPLE', 'example-marker'],
    ['wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'example-marker'],
    ['aaaaaaaa', 'repeated'],
    ['00000000000000000000', 'repeated'],
    ['abababababababab', 'repeated'],
    ['Abc123Abc123Abc123', 'repeated'],
    ['ghp_000000000000000000000000000000000000', 'repeated'],
    ['12345678', 'sequential'],
    ['abcdefgh', 'sequential'],
    ['ABCDEFGHIJKLMNOP', 'sequential'],
    ['abc123', 'sequential'],
    ['qwertyuiop', 'sequential'],
    ['7e4abcdef456Ghijkl789mnopqr012stuvwx3455123abcdef', 'sequential'], // runs glued together
    ['987654321', 'sequential'],
    ['sk_test_1234567890abcdefghij', 'sequential'],
    ['LTAI1234567890ABCDEFG123asd', 'sequential'],
    ['aB12cD34eF56gH78iJ90kL12mN34oP56', 'sequential'], // letter and digit walks interleaved
    ['HGM724ngha9785NGKbbar6jk76mnLL80BHJnabyhdngha9785NGKbb6jk76mnLL8', 'repeated'], // pasted together
    ['a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6', 'sequential'],
    ['Ab3-Cd4_Ef5Gh6Jk7Mn8Pq9Rs2Tu3Vw4Xy5Za6Bcx', 'sequential'], // runs behind a vendor prefix, 16-31 characters
    ['deadbeefcafebabe0011223344556677', 'known-test-value'],
    ['0123456789abcdef0123456789abcdef', 'known-test-value'],
    ['aabbaabbbaabbaaabbbbaaab', 'tiny-alphabet'],
    ['1100101011101001011', 'tiny-alphabet'],
    ['PaSsW0Rd', 'placeholder-words'], // case games on a placeholder word
    ['mostest12', 'placeholder-words'], // Mattermost's development password
    ['AKIAIGKECZXA7EXAMPLF', 'example-marker'], // EXAMPL, one letter edited
    ['ASIAIOSFODNN7GUTXNEL', 'known-example'], // the AWS docs key id, as a session key id
    // Docker's documentation swarms: any worker or manager secret behind their CA digests
    [['SWMTKN-1', '3pu6hszjas19xyp7ghgosyx9k8atbfcr8p2is99znpy26u2lkl', '7p73s1dx5in4tatdymyhg9hu2'].join('-'), 'known-example'],
    [['SWMTKN-1', '49nj1cmql0jkz5s954yi3oex3nedyz0fb0xx14ie39trti4wxv', '8vxv8rssmk743ojnwacrr2e7c'].join('-'), 'known-example'],
    ['eyJhbGciOiJIUzI1NiJ9.payload.signature', 'example-marker'],
    ['test6b44-4c54-4623-91d9-b61f29b702f8', 'known-test-value'],
    ['dapi1234567890ab1cde2f3ab456c7d89efa', 'sequential'], // a long ascending run inside
    ['amzn.mws.aaaaaaaa-1111-5770-5bad-19bd40c0ac65', 'repeated'], // eight of one digit in a row
    ['000000952f47a6b3f42305b8ffe6f9bd7d10e45f966b9a62', 'repeated'], // zeros typed over the start
    ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.', 'masked'], // a JWT cut after its header
    ['proxypass', 'placeholder-words'],
    ['$2y$10$92IXUNpkjO0rOQ5byMi.Ye4oKoEa3Ro9llC/.og/at2.uheWG/igi', 'known-example'], // Laravel's factory hash
    ['', 'empty'],
    ['   ', 'empty'],
  ];
  it.each(cases)('%s -> %s', (value, reason) => {
    expect(isPlaceholder(value)).toBe(reason);
  });

  it('uses the line to see template delimiters outside the value', () => {
    expect(isPlaceholder('API_KEY', { line: 'token: ${API_KEY}' })).toBe('template');
    expect(isPlaceholder('api_token', { line: 'token: {{ api_token }}' })).toBe('template');
    expect(isPlaceholder('SECRET', { line: 'key = <SECRET>' })).toBe('template');
    const real = randomFrom(ALPHABETS.base62, 32);
    expect(isPlaceholder(real, { line: `token: "${real}"` })).toBeUndefined();
  });
});

describe('isPlaceholder: words planted in a made-up token', () => {
  it('drops a token with three marker words, one not spelled in hex (a test fixture with a valid checksum)', () => {
    // Joined here: the whole token passes npm's checksum.
    expect(isPlaceholder(['npm_0dead12Test345', 'DeadTest6789test399Wq7'].join(''))).toBe('placeholder-words');
    expect(isPlaceholder('sk_live_FakeKeyForMockTestsOnly4242')).toBe('placeholder-words');
  });

  it('keeps hex that happens to spell dead and beef, and a token with one marker word', () => {
    expect(isPlaceholder('a1dead7c9beef03d4e5f6a7b8dead9c0d1e2f3a4b')).toBeUndefined();
    expect(isPlaceholder('xoxb-Test7Qm2Lk9Zp4Rw8Vn3Hs6Jd1Fg5')).toBeUndefined();
  });
});

describe('isPlaceholder: never rejects random tokens', () => {
  it('does not read a walk into a random password whose symbols outnumber its letters (regression: a flaky sample)', () => {
    expect(isPlaceholder('WGepccT-!?+W*xcB')).toBeUndefined();
  });

  const kinds: Array<[string, string]> = Object.entries(ALPHABETS);
  it.each(kinds)('%s alphabet, 16 to 64 characters, 3000 samples each', (_kind, alphabet) => {
    const rejected: string[] = [];
    for (const n of [16, 20, 24, 32, 40, 64]) {
      for (let i = 0; i < 500; i++) {
        const s = randomFrom(alphabet, n);
        // Two shapes are placeholders by design and random hex draws them about once in 10^6:
        // five leading zeros (documentation's redaction) and eight of one digit in a row (typed
        // by hand). Skipping them keeps this test from failing on a lucky draw; the shapes have
        // their own cases above.
        if (/^[0-9a-f]+$/i.test(s) && /^0{5}|([0-9a-f])\1{7}/i.test(s)) continue;
        if (isPlaceholder(s) !== undefined) rejected.push(`${s} (${isPlaceholder(s)})`);
      }
    }
    expect(rejected).toEqual([]);
  });

  it('keeps long base64 whose binary repeats / or A (AWS session tokens hold //////////)', () => {
    for (const run of ['/', 'A', '+']) {
      const v = randomFrom(ALPHABETS.base64, 20) + run.repeat(10) + randomFrom(ALPHABETS.base64, 60);
      expect(isPlaceholder(v), v).toBeUndefined();
    }
    // A short value with such a run stays filler.
    expect(isPlaceholder(randomFrom(ALPHABETS.base64, 8) + '/'.repeat(10) + randomFrom(ALPHABETS.base64, 8))).toBe('repeated');
  });

  it('keeps random tokens that spell a short marker inside them', () => {
    // Seen in random samples: base62 spelling `Fixme`, base64url spelling `Your-`.
    expect(isPlaceholder(['xoxb', '9RUxSMxXry4IFixmene4AoQxWzN9TzxGymhN'].join('-'))).toBeUndefined();
    expect(isPlaceholder(['ErqTozxGae', 'Your-htE83jFjjubEKN6yq'].join(''))).toBeUndefined();
    // At a boundary they still mark a placeholder.
    expect(isPlaceholder('DummyToken')).toBe('example-marker');
    expect(isPlaceholder('sk_test_dummy_' + randomFrom(ALPHABETS.base62, 16))).toBe('example-marker');
  });

  it('keeps Swarm join tokens of swarms other than the documentation ones', () => {
    const lower = 'abcdefghijklmnopqrstuvwxyz0123456789';
    expect(isPlaceholder(['SWMTKN-1', randomFrom(lower, 50), randomFrom(lower, 25)].join('-'))).toBeUndefined();
  });

  it('keeps structured tokens whose ids repeat digits', () => {
    // Joined here so the source holds no token-shaped string.
    expect(isPlaceholder(['xoxp', '2413351231', '2413351233', '2422389282', '0c92a3'].join('-'))).toBeUndefined();
  });

  it('keeps random bodies behind vendor prefixes', () => {
    const rejected: string[] = [];
    for (const prefix of ['ghp_', 'sk_live_', 'xoxb-', 'glpat-', 'AKIA', 'npm_', 'sk-proj-', 'dapi', 'SG.']) {
      for (let i = 0; i < 300; i++) {
        const s = prefix + randomFrom(ALPHABETS.base62, 36);
        if (isPlaceholder(s) !== undefined) rejected.push(s);
      }
    }
    expect(rejected).toEqual([]);
  });

  it('keeps realistic but non-random passwords that are not template words', () => {
    // Wrapped like a variable but not named like one: random text, not %VAR% or $VAR.
    for (const v of ['%PMHggAza68ah8iG7naNaWr%', '$X9k-anything1234567', '@q8Zr2LmX0vT@']) expect(isPlaceholder(v), v).toBeUndefined();
    // The last one holds `${…}` with unbalanced brackets: symbols, not a template.
    for (const v of ['hunter22', 'Tr0ub4dor&3', 'Zq8!mK2#vL', 'correct-horse-battery-staple-9x', 'm{{h}o)p${e]nob(ody[finds>-_$#q9}}']) {
      expect(isPlaceholder(v)).toBeUndefined();
    }
  });
});

describe('splitWords', () => {
  it('splits snake, kebab, dotted, camel and acronyms', () => {
    expect(splitWords('DB_PASSWORD')).toEqual(['db', 'password']);
    expect(splitWords('stripeSecretKey')).toEqual(['stripe', 'secret', 'key']);
    expect(splitWords('aws.secret.key')).toEqual(['aws', 'secret', 'key']);
    expect(splitWords('APIKey2')).toEqual(['api', 'key', '2']);
    expect(splitWords('x-api-key')).toEqual(['x', 'api', 'key']);
  });
});
