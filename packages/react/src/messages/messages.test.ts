/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { defaultMessages } from './messages';

// Every partial catalogue: the shared sets in this folder and the one beside each component.
const partials = import.meta.glob<Record<string, Record<string, string>>>(
  ['./*.ts', '!./messages.ts', '!./translate.ts', '!./*.test.ts', '../components/**/messages.ts'],
  { eager: true },
);

describe('the merged message catalogue', () => {
  it('holds every key of every partial catalogue exactly once', () => {
    const seen = new Map<string, string>();
    for (const [file, module] of Object.entries(partials)) {
      for (const catalogue of Object.values(module)) {
        for (const [key, text] of Object.entries(catalogue)) {
          expect(seen.get(key), `${key} is defined in ${seen.get(key)} and ${file}`).toBeUndefined();
          seen.set(key, file);
          expect(defaultMessages[key as keyof typeof defaultMessages]).toBe(text);
        }
      }
    }
    expect(Object.keys(partials).length).toBeGreaterThan(10);
    expect([...seen.keys()].sort()).toEqual(Object.keys(defaultMessages).sort());
  });
});
