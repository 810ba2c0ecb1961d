// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findHeadlinesIn, scanRoots } from '../../../src/extension/content/badges/headline-scan.js';

const PAGE = 'https://www.example-news.test/';

function page(body: string): Document {
  document.body.innerHTML = body; // eslint-disable-line no-restricted-syntax -- the test's own fixture
  return document;
}

const story = (n: number) =>
  `<h3><a href="/news/2026/11/27/council-approves-harbour-plan-${n}">Council approves harbour plan after vote ${n}</a></h3>`;

describe('scanning the parts a page adds', () => {
  it('finds the headline links in one added subtree only', () => {
    const doc = page(
      `<main><section id="old">${story(1)}${story(2)}</section><section id="new">${story(3)}</section></main>`,
    );
    const added = doc.getElementById('new') as Element;
    expect(findHeadlinesIn(added, PAGE, 50).map((link) => link.title)).toEqual([
      'Council approves harbour plan after vote 3',
    ]);
    expect(findHeadlinesIn(doc, PAGE, 50)).toHaveLength(3);
  });

  it('skips additions inside menus and footers, and scans an added anchor from its parent', () => {
    const doc = page(`<nav><ul id="menu"></ul></nav><main><h3 id="slot"></h3></main>`);
    const menu = doc.getElementById('menu') as Element;
    menu.insertAdjacentHTML('beforeend', `<li>${story(4)}</li>`); // eslint-disable-line no-restricted-syntax
    expect(findHeadlinesIn(menu.firstElementChild as Element, PAGE, 50)).toEqual([]);
    const slot = doc.getElementById('slot') as Element;
    const anchor = doc.createElement('a');
    anchor.href = '/news/2026/11/27/ferry-timetable-changes-for-winter';
    anchor.textContent = 'Ferry timetable changes for the winter season';
    slot.append(anchor);
    expect(findHeadlinesIn(anchor, PAGE, 50).map((link) => link.element)).toEqual([anchor]);
  });

  it('keeps the outermost connected added elements', () => {
    const doc = page(`<div id="a"><div id="b"></div></div><div id="c"></div>`);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => doc.getElementById(id) as Element);
    const gone = doc.createElement('div');
    const text = doc.createTextNode('text');
    const roots = scanRoots([b as Element, a as Element, c as Element, gone, text]);
    expect(roots).toEqual([a, c]);
  });
});
