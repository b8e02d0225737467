import { describe, expect, it } from 'vitest';
import {
  choiceField,
  definedFields,
  fieldsFor,
  intField,
  numberField,
  readState,
  withState,
  type StateCodec,
} from '../../../src/widgets/shared/url-state';

interface Demo {
  kernel: number;
  mode: 'a' | 'b';
}
const codec: StateCodec<Demo> = {
  defaults: { kernel: 3, mode: 'a' },
  parse: (f) => definedFields<Demo>({ kernel: intField(f.kernel, 1, 5), mode: choiceField(f.mode, ['a', 'b'] as const) }),
  serialize: (s) => ({ kernel: String(s.kernel), mode: s.mode }),
};

describe('fieldsFor(id, search)', () => {
  it('keeps only the fields of that id, without the prefix', () => {
    expect(fieldsFor('tc', '?tc.kernel=4&pool.step=2&tc.mode=b&other=1')).toEqual({ kernel: '4', mode: 'b' });
  });
});

describe('readState(id, codec, search)', () => {
  it('fills absent, malformed and out-of-range fields from the defaults', () => {
    expect(readState('tc', codec, '?tc.kernel=9&tc.mode=b')).toEqual({ kernel: 3, mode: 'b' });
    expect(readState('tc', codec, '?tc.kernel=x')).toEqual({ kernel: 3, mode: 'a' });
    expect(readState('tc', codec, '?tc.kernel=5')).toEqual({ kernel: 5, mode: 'a' });
  });
});

describe('withState(id, codec, state, search)', () => {
  it('writes non-default fields, drops defaults and keeps other widgets', () => {
    expect(withState('tc', codec, { kernel: 4, mode: 'a' }, '?pool.step=2&tc.mode=b')).toBe('?pool.step=2&tc.kernel=4');
    expect(withState('tc', codec, codec.defaults, '?tc.kernel=4')).toBe('');
  });

  it('round-trips through readState', () => {
    const state: Demo = { kernel: 5, mode: 'b' };
    expect(readState('x', codec, withState('x', codec, state, ''))).toEqual(state);
  });
});

describe('field parsers', () => {
  it('intField("3", 1, 5) accepts integers in range only', () => {
    expect(intField('3', 1, 5)).toBe(3);
    expect(intField('-2', -2, 2)).toBe(-2);
    expect(intField('3.5', 1, 5)).toBeUndefined();
    expect(intField('6', 1, 5)).toBeUndefined();
    expect(intField(undefined, 1, 5)).toBeUndefined();
  });

  it('numberField and choiceField', () => {
    expect(numberField('0.5', 0, 1)).toBe(0.5);
    expect(numberField(' ', 0, 1)).toBeUndefined();
    expect(choiceField('b', ['a', 'b'])).toBe('b');
    expect(choiceField('c', ['a', 'b'])).toBeUndefined();
  });

  it('definedFields drops undefined values so defaults survive', () => {
    expect(definedFields<Demo>({ kernel: undefined, mode: 'b' })).toEqual({ mode: 'b' });
  });
});
