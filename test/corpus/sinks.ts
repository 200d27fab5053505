// How each kind of file spells an assignment, an environment reference and its surrounding
// boilerplate. A corpus file is a list of items (one or more lines, with marks on some lines);
// the sink renders the items into the file text and so fixes every marked line number.

export type Sink =
  | 'env'
  | 'yaml'
  | 'json'
  | 'properties'
  | 'tf'
  | 'tfvars'
  | 'sh'
  | 'py'
  | 'js'
  | 'go'
  | 'java'
  | 'toml'
  | 'ini'
  | 'dockerfile'
  | 'md'
  | 'ipynb'
  | 'compose'
  | 'k8s'
  | 'gha'
  | 'gitlab-ci'
  | 'http'
  | 'raw';

export interface Mark {
  /** Index of the marked line inside the item. */
  offset: number;
  /** Lines covered (a PEM block spans several). */
  span: number;
  label: string;
  positive?: { family: string; secret: string; sensitive: string[] };
}

export interface Item {
  lines: string[];
  marks: Mark[];
}

const words = (key: string): string[] => key.split('_').filter(Boolean);
export const upper = (key: string): string => key.toUpperCase();
export const camel = (key: string): string =>
  words(key)
    .map((w, i) => (i === 0 ? w : w[0]?.toUpperCase() + w.slice(1)))
    .join('');
const pascal = (key: string): string => words(key).map((w) => w[0]?.toUpperCase() + w.slice(1)).join('');

/** One assignment line. `quoted: false` writes the value as a code expression. */
export function assign(sink: Sink, key: string, value: string, quoted = true): string {
  const q = (open: string, close = open): string => (quoted ? `${open}${value}${close}` : value);
  switch (sink) {
    case 'env':
      return `${upper(key)}=${quoted && /[\s#]/.test(value) ? `"${value}"` : value}`;
    case 'yaml':
      return `${key}: ${q('"')}`;
    case 'compose':
    case 'k8s':
    case 'gha':
    case 'gitlab-ci':
      return `${upper(key)}: ${q('"')}`;
    case 'json':
      return `"${camel(key)}": ${q('"')}`;
    case 'properties':
      return `app.${key.replace(/_/g, '.')}=${value}`;
    case 'tf':
    case 'tfvars':
    case 'toml':
      return `${key} = ${q('"')}`;
    case 'ini':
      return `${key} = ${value}`;
    case 'sh':
      return `export ${upper(key)}=${q('"')}`;
    case 'py':
    case 'ipynb':
      return `${upper(key)} = ${q('"')}`;
    case 'js':
      return `${camel(key)}: ${q("'")},`;
    case 'go':
      return `${pascal(key)} = ${q('"')}`;
    case 'java':
      return `private static final String ${upper(key)} = ${q('"')};`;
    case 'dockerfile':
      return `ENV ${upper(key)}=${value}`;
    case 'md':
      return `export ${upper(key)}=${value}`;
    case 'http':
      return `@${camel(key)} = ${value}`;
    case 'raw':
      return `${key}=${value}`;
  }
}

/** A reference to a value kept elsewhere (environment, vault, CI secret): never a secret. */
export function envRef(sink: Sink, key: string, variant: number): { value: string; quoted: boolean } {
  const up = upper(key);
  switch (sink) {
    case 'env':
      return { value: variant % 2 ? `\${${up}_FROM_VAULT}` : '', quoted: true };
    case 'yaml':
      return { value: variant % 2 ? `\${${up}}` : `{{ .Values.${camel(key)} }}`, quoted: true };
    case 'compose':
      return { value: `\${${up}:?set ${up} in .env}`, quoted: true };
    case 'k8s':
      return { value: 'REPLACE_ME', quoted: true };
    case 'gha':
      return { value: `\${{ secrets.${up} }}`, quoted: false };
    case 'gitlab-ci':
      return { value: `$CI_${up}`, quoted: false };
    case 'json':
      return { value: variant % 2 ? `\${${up}}` : `env:${up}`, quoted: true };
    case 'properties':
      return { value: `\${${up}}`, quoted: false };
    case 'tf':
    case 'tfvars':
      return { value: variant % 2 ? `var.${key}` : `data.vault_generic_secret.app.data["${key}"]`, quoted: false };
    case 'toml':
      return { value: `\${${up}}`, quoted: true };
    case 'ini':
      return { value: `%(${up})s`, quoted: false };
    case 'sh':
      return { value: variant % 2 ? `\${${up}:?}` : `$(vault kv get -field=${key} secret/app)`, quoted: true };
    case 'py':
    case 'ipynb':
      return { value: variant % 2 ? `os.environ["${up}"]` : `os.getenv("${up}", "")`, quoted: false };
    case 'js':
      return { value: variant % 2 ? `process.env.${up}` : `process.env['${up}'] ?? ''`, quoted: false };
    case 'go':
      return { value: `os.Getenv("${up}")`, quoted: false };
    case 'java':
      return { value: `System.getenv("${up}")`, quoted: false };
    case 'dockerfile':
      return { value: `\${${up}}`, quoted: false };
    case 'md':
      return { value: `<your-${key.replace(/_/g, '-')}>`, quoted: false };
    case 'http':
      return { value: `{{$dotenv ${up}}}`, quoted: false };
    case 'raw':
      return { value: `\${${up}}`, quoted: false };
  }
}

const indent = (n: number, lines: readonly string[]): string[] => lines.map((l) => (l === '' ? l : ' '.repeat(n) + l));

interface Frame {
  head: string[];
  tail: string[];
  indent: number;
  /** JSON needs commas between items. */
  comma?: boolean;
}

function frame(sink: Sink, path: string): Frame {
  const name = path.split('/').slice(-2, -1)[0] ?? 'app';
  switch (sink) {
    case 'env':
      return { head: [`# ${name} runtime configuration`, 'NODE_ENV=production', 'PORT=8080'], tail: [], indent: 0 };
    case 'yaml':
      return { head: ['# Loaded by the config service at start-up', 'service:', `  name: ${name}`, 'settings:'], tail: [], indent: 2 };
    case 'compose':
      return {
        head: ['services:', '  api:', '    image: ghcr.io/acme/api:1.14.2', '    ports:', '      - "8080:8080"', '    environment:'],
        tail: ['  cache:', '    image: redis:7-alpine'],
        indent: 6,
      };
    case 'k8s':
      return {
        head: ['apiVersion: v1', 'kind: Secret', 'metadata:', `  name: ${name}-secrets`, '  namespace: prod', 'type: Opaque', 'stringData:'],
        tail: [],
        indent: 2,
      };
    case 'gha':
      return {
        head: ['name: deploy', 'on:', '  push:', '    branches: [main]', 'jobs:', '  deploy:', '    runs-on: ubuntu-latest', '    env:'],
        tail: ['    steps:', '      - uses: actions/checkout@v4', '      - run: make deploy'],
        indent: 6,
      };
    case 'gitlab-ci':
      return {
        head: ['stages: [test, deploy]', 'variables:'],
        tail: ['deploy:', '  stage: deploy', '  script:', '    - make deploy'],
        indent: 2,
      };
    case 'json':
      return { head: ['{'], tail: ['}'], indent: 2, comma: true };
    case 'properties':
      return { head: ['# Spring profile: prod', 'server.port=8080', 'spring.application.name=' + name], tail: [], indent: 0 };
    case 'tf':
      return { head: ['terraform {', '  required_version = ">= 1.5"', '}', '', 'locals {'], tail: ['}'], indent: 2 };
    case 'tfvars':
      return { head: ['region = "eu-west-1"', 'environment = "prod"'], tail: [], indent: 0 };
    case 'sh':
      return { head: ['#!/usr/bin/env bash', 'set -euo pipefail', ''], tail: ['', 'echo "done"'], indent: 0 };
    case 'py':
      return { head: ['"""Settings for the service."""', 'import os', ''], tail: [], indent: 0 };
    case 'js':
      return { head: ['// Runtime configuration', 'export const config = {'], tail: ['};'], indent: 2 };
    case 'go':
      return { head: ['package config', '', 'import "os"', '', 'var ('], tail: [')'], indent: 1 };
    case 'java':
      return { head: ['package com.acme.billing;', '', 'public final class Credentials {'], tail: ['}'], indent: 4 };
    case 'toml':
      return { head: ['[service]', `name = "${name}"`, '', '[credentials]'], tail: [], indent: 0 };
    case 'ini':
      return { head: ['[default]', 'region = eu-west-1'], tail: [], indent: 0 };
    case 'dockerfile':
      return { head: ['FROM node:20-alpine', 'WORKDIR /app'], tail: ['COPY . .', 'CMD ["node", "server.js"]'], indent: 0 };
    case 'md':
      return { head: [`# ${name}`, '', 'Notes for the on-call engineer.', ''], tail: [], indent: 0 };
    case 'http':
      return { head: ['### Requests for manual testing', ''], tail: [], indent: 0 };
    case 'ipynb':
    case 'raw':
      return { head: [], tail: [], indent: 0 };
  }
}

export interface Rendered {
  text: string;
  /** 1-based line number of each mark, in item order. */
  marks: { line: number; mark: Mark }[];
}

export function render(sink: Sink, path: string, items: readonly Item[]): Rendered {
  if (sink === 'ipynb') return renderNotebook(items);
  const f = frame(sink, path);
  // Go uses tabs; everything else spaces.
  const pad = (lines: string[]): string[] => (sink === 'go' ? lines.map((l) => `\t${l}`) : indent(f.indent, lines));
  const out = [...f.head];
  const marks: Rendered['marks'] = [];
  items.forEach((item, i) => {
    const lines = pad(item.lines);
    if (f.comma && i < items.length - 1) lines[lines.length - 1] += ',';
    for (const m of item.marks) marks.push({ line: out.length + 1 + m.offset, mark: m });
    out.push(...lines);
  });
  out.push(...f.tail);
  return { text: `${out.join('\n')}\n`, marks };
}

/** A notebook: each item becomes one code cell whose source is the item's lines. */
function renderNotebook(items: readonly Item[]): Rendered {
  const out = ['{', ' "cells": ['];
  const marks: Rendered['marks'] = [];
  items.forEach((item, i) => {
    const image = item.lines[0]?.startsWith('@image ') ? item.lines[0].slice(7) : undefined;
    out.push('  {', '   "cell_type": "code",', `   "execution_count": ${i + 1},`, '   "metadata": {},');
    if (image !== undefined) {
      for (const m of item.marks) marks.push({ line: out.length + 5, mark: m });
      out.push(
        '   "outputs": [',
        '    {',
        '     "data": {',
        '      "text/plain": ["<Figure size 640x480 with 1 Axes>"],',
        `      "image/png": "${image}"`,
        '     },',
        '     "metadata": {},',
        '     "output_type": "display_data"',
        '    }',
        '   ],',
        '   "source": ["plt.show()"]',
      );
    } else {
      out.push('   "outputs": [],', '   "source": [');
      for (const m of item.marks) marks.push({ line: out.length + 1 + m.offset, mark: m });
      item.lines.forEach((l, j) => {
        const last = j === item.lines.length - 1;
        out.push(`    ${JSON.stringify(last ? l : `${l}\n`)}${last ? '' : ','}`);
      });
      out.push('   ]');
    }
    out.push(i === items.length - 1 ? '  }' : '  },');
  });
  out.push(
    ' ],',
    ' "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},',
    ' "nbformat": 4,',
    ' "nbformat_minor": 5',
    '}',
  );
  return { text: `${out.join('\n')}\n`, marks };
}
