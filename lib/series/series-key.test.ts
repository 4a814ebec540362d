import { describe, expect, it } from 'vitest';
import { looseWords, seriesKey } from './series-key';

describe('seriesKey', () => {
  it.each<[string, string]>([
    ['Practical Go in Production', 'practical-go-in-production'],
    ['practical  go — in production!', 'practical-go-in-production'],
    ['From Script Kiddie to Real Django Engineer', 'from-script-kiddie-to-real-django-engineer'],
    ["Let's Build a Simple Interpreter", 'let-build-a-simple-interpreter'],
    ['Let’s Build a Simple Interpreter', 'let-build-a-simple-interpreter'],
    ['Toolbox Days', 'toolbox-day'],
    ['Toolbox Day', 'toolbox-day'],
    ['Tips & Tricks', 'tip-and-trick'],
    ['Café Notes', 'cafe-note'],
    ['This Class', 'this-class'],
    ['Node.js for newcomers', 'node-js-for-newcomer'],
    ['', ''],
    ['—', ''],
  ])('%s → %s', (name, key) => {
    expect(seriesKey(name)).toBe(key);
  });

  it.each<[string, string[]]>([['Rust Series', ['rust', 'serie']], ['Status bus', ['status', 'bus']]])('words of %s', (name, words) => {
    expect(looseWords(name)).toEqual(words);
  });
});
