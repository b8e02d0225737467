/** The shared engine's page-wide backend record: switches reach every listener; trainers hold switches off. */
import { describe, expect, it } from 'vitest';
import { backendHolders, holdBackend, onEngineBackend, setEngineBackend } from '../../../src/widgets/shared/backend-sharing';
import type { Engine } from '../../../src/widgets/shared/engine';

const engine = { backend: { name: 'webgl', canTrain: true, rejected: [] } } as unknown as Engine;

describe('setEngineBackend / onEngineBackend', () => {
  it('records the new backend on the shared engine and tells each listener until it stops listening', () => {
    const heard: string[] = [];
    const stop = onEngineBackend((b) => heard.push(`a:${b.name}`));
    const stopB = onEngineBackend((b) => heard.push(`b:${b.name}`));
    setEngineBackend(engine, { name: 'cpu', canTrain: true, rejected: [] });
    expect(engine.backend.name).toBe('cpu');
    stop();
    setEngineBackend(engine, { name: 'wasm', canTrain: true, rejected: [] });
    stopB();
    expect(heard).toEqual(['a:cpu', 'b:cpu', 'b:wasm']);
  });
});

describe('holdBackend / backendHolders', () => {
  it('lists who trains now, once per name, until each releases', () => {
    expect(backendHolders()).toEqual([]);
    const a = holdBackend('the decoder comparison');
    const b = holdBackend('the decoder comparison');
    const c = holdBackend('the training studio');
    expect(backendHolders()).toEqual(['the decoder comparison', 'the training studio']);
    a();
    c();
    expect(backendHolders()).toEqual(['the decoder comparison']);
    b();
    expect(backendHolders()).toEqual([]);
  });
});
