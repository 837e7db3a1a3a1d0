// Draws the demo photos: stylised, deterministic scene illustrations built as SVG and rendered to JPEG with sharp.
import type { Kysely } from 'kysely';
import sharp from 'sharp';
import type { Database, MediaRow } from '../../src/core/db/schema.ts';
import { storeImage, type ImageMeta } from '../../src/media/index.ts';

/**
 * The scene kinds this module can draw (DemoPhoto.scene). Time of day and colours follow the seed;
 * 'stadium' draws an indoor badminton court for an odd seed and a floodlit football pitch for an even one.
 */
export const PHOTO_SCENES = [
  'harbour',
  'city',
  'forest',
  'stage',
  'field',
  'mountain',
  'studio',
  'market',
  'sea',
  'stadium',
] as const;
export type PhotoScene = (typeof PHOTO_SCENES)[number];

/** Drawing space; the SVG is scaled (and centre-cropped) to the requested size. */
const W = 1600;
const H = 900;

// ---------------------------------------------------------------------------
// Deterministic randomness

class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = (Math.imul(seed | 0, 0x9e3779b1) ^ 0x85ebca6b) >>> 0;
    for (let i = 0; i < 4; i++) this.next();
  }
  /** mulberry32: a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  range(a: number, b: number): number {
    return a + (b - a) * this.next();
  }
  int(a: number, b: number): number {
    return Math.floor(this.range(a, b + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------------------
// Colour helpers

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const h = hex.replace('#', '');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

function toHex([r, g, b]: Rgb): string {
  const c = (v: number) =>
    Math.max(0, Math.min(255, Math.round(v)))
      .toString(16)
      .padStart(2, '0');
  return `#${c(r)}${c(g)}${c(b)}`;
}

function mix(a: string, b: string, t: number): string {
  const x = parseHex(a);
  const y = parseHex(b);
  return toHex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

function hsl(h: number, s: number, l: number): string {
  h = ((h % 360) + 360) % 360;
  s = Math.max(0, Math.min(1, s));
  l = Math.max(0, Math.min(1, l));
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1)));
  return toHex([f(0) * 255, f(8) * 255, f(4) * 255]);
}

const darken = (c: string, t: number) => mix(c, '#000000', t);
const lighten = (c: string, t: number) => mix(c, '#ffffff', t);
const f1 = (n: number) => (Math.round(n * 10) / 10).toString();

// ---------------------------------------------------------------------------
// Light: time of day and its palette

type TimeOfDay = 'dawn' | 'day' | 'dusk' | 'night';

interface Light {
  time: TimeOfDay;
  skyTop: string;
  skyMid: string;
  horizon: string;
  sun: string;
  sunGlow: string;
  /** Colour of far-away things (aerial perspective). */
  haze: string;
  /** Colour of the nearest silhouettes. */
  ink: string;
  /** Tint of lit surfaces. */
  tint: string;
  waterTop: string;
  waterBottom: string;
  cloud: string;
  /** 0 (night) … 1 (full day): how much local colour survives. */
  day: number;
}

function makeLight(r: Rng, time: TimeOfDay): Light {
  const j = r.range(-12, 12);
  switch (time) {
    case 'dawn':
      return {
        time,
        skyTop: hsl(222 + j, 0.45, 0.3),
        skyMid: hsl(300 + j, 0.3, 0.62),
        horizon: hsl(28 + j, 0.9, 0.74),
        sun: hsl(42 + j, 1, 0.86),
        sunGlow: hsl(30 + j, 1, 0.7),
        haze: hsl(300 + j, 0.18, 0.6),
        ink: hsl(240 + j, 0.25, 0.16),
        tint: hsl(30 + j, 0.8, 0.7),
        waterTop: hsl(20 + j, 0.5, 0.62),
        waterBottom: hsl(225 + j, 0.35, 0.24),
        cloud: hsl(340 + j, 0.6, 0.82),
        day: 0.6,
      };
    case 'day':
      return {
        time,
        skyTop: hsl(210 + j, 0.62, 0.46),
        skyMid: hsl(205 + j, 0.6, 0.68),
        horizon: hsl(195 + j, 0.45, 0.87),
        sun: '#fffbe8',
        sunGlow: '#fff4cc',
        haze: hsl(205 + j, 0.3, 0.72),
        ink: hsl(150 + j, 0.25, 0.14),
        tint: '#fff6dc',
        waterTop: hsl(195 + j, 0.45, 0.6),
        waterBottom: hsl(205 + j, 0.65, 0.26),
        cloud: '#ffffff',
        day: 1,
      };
    case 'dusk':
      return {
        time,
        skyTop: hsl(250 + j, 0.4, 0.24),
        skyMid: hsl(340 + j, 0.45, 0.5),
        horizon: hsl(24 + j, 0.95, 0.6),
        sun: hsl(38 + j, 1, 0.78),
        sunGlow: hsl(18 + j, 1, 0.58),
        haze: hsl(330 + j, 0.25, 0.42),
        ink: hsl(260 + j, 0.3, 0.1),
        tint: hsl(25 + j, 0.9, 0.62),
        waterTop: hsl(18 + j, 0.65, 0.52),
        waterBottom: hsl(250 + j, 0.35, 0.16),
        cloud: hsl(350 + j, 0.55, 0.66),
        day: 0.35,
      };
    default:
      return {
        time,
        skyTop: hsl(228 + j, 0.5, 0.07),
        skyMid: hsl(225 + j, 0.45, 0.16),
        horizon: hsl(215 + j, 0.35, 0.32),
        sun: '#f4f1e0',
        sunGlow: hsl(210 + j, 0.5, 0.6),
        haze: hsl(222 + j, 0.3, 0.22),
        ink: hsl(230 + j, 0.35, 0.05),
        tint: hsl(45 + j, 0.9, 0.7),
        waterTop: hsl(215 + j, 0.4, 0.25),
        waterBottom: hsl(228 + j, 0.5, 0.06),
        cloud: hsl(220 + j, 0.2, 0.35),
        day: 0.12,
      };
  }
}

/** Tone a local colour for the light: mix towards the ambient tint and darken at night. */
function lit(c: string, L: Light, amount = 1): string {
  const toned = mix(c, L.tint, 0.12 * amount);
  return mix(toned, L.ink, (1 - L.day) * 0.75 * amount);
}

/** A colour at depth d (0 near … 1 far): near is `near`, far fades into the haze. */
function depth(near: string, L: Light, d: number): string {
  return mix(near, L.haze, Math.max(0, Math.min(1, d)));
}

// ---------------------------------------------------------------------------
// SVG building

class Canvas {
  readonly defs: string[] = [];
  readonly els: string[] = [];
  private n = 0;
  constructor(readonly r: Rng) {}

  id(prefix: string): string {
    return `${prefix}${++this.n}`;
  }
  add(...parts: string[]): void {
    this.els.push(...parts);
  }
  /** A vertical (default) or custom linear gradient; returns `url(#…)`. */
  linear(stops: [number, string, number?][], x1 = 0, y1 = 0, x2 = 0, y2 = 1): string {
    const id = this.id('lg');
    const s = stops
      .map(([o, c, a]) => `<stop offset="${o}" stop-color="${c}"${a === undefined ? '' : ` stop-opacity="${a}"`}/>`)
      .join('');
    this.defs.push(`<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">${s}</linearGradient>`);
    return `url(#${id})`;
  }
  radial(stops: [number, string, number?][]): string {
    const id = this.id('rg');
    const s = stops
      .map(([o, c, a]) => `<stop offset="${o}" stop-color="${c}"${a === undefined ? '' : ` stop-opacity="${a}"`}/>`)
      .join('');
    this.defs.push(`<radialGradient id="${id}">${s}</radialGradient>`);
    return `url(#${id})`;
  }
  blur(sd: number): string {
    const id = this.id('bl');
    this.defs.push(
      `<filter id="${id}" x="-50%" y="-50%" width="200%" height="200%"><feGaussianBlur stdDeviation="${sd}"/></filter>`,
    );
    return `url(#${id})`;
  }
  svg(width: number, height: number): string {
    return (
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${W} ${H}" preserveAspectRatio="xMidYMid slice">` +
      `<defs>${this.defs.join('')}</defs>${cheapOpacity(this.els.join(''))}</svg>`
    );
  }
}

/**
 * `opacity` on a single shape makes librsvg composite it offscreen, which is slow for thousands of
 * shapes; fill-opacity and stroke-opacity look the same on a shape that only fills or only strokes.
 */
function cheapOpacity(svg: string): string {
  return svg.replace(
    /<(rect|circle|ellipse|path|polyline|line)\b([^>]*?)\sopacity="([^"]+)"/g,
    '<$1$2 fill-opacity="$3" stroke-opacity="$3"',
  );
}

/** A wavy horizon line as points: sum of sines plus jitter. */
function ridgePoints(
  r: Rng,
  base: number,
  amp: number,
  opts: { waves?: number; step?: number; rough?: number } = {},
): [number, number][] {
  const waves = opts.waves ?? 3;
  const step = opts.step ?? 16;
  const rough = opts.rough ?? 0.08;
  const comps = Array.from({ length: waves }, (_, i) => ({
    f: (r.range(0.6, 1.6) * (i + 1) * (Math.PI * 2)) / W,
    p: r.range(0, Math.PI * 2),
    a: amp / (i + 1) ** 0.9,
  }));
  const pts: [number, number][] = [];
  let jitter = 0;
  for (let x = -step; x <= W + step; x += step) {
    jitter = jitter * 0.6 + r.range(-1, 1) * amp * rough;
    let y = base;
    for (const c of comps) y -= c.a * Math.sin(x * c.f + c.p);
    pts.push([x, y + jitter]);
  }
  return pts;
}

function closedToBottom(pts: [number, number][], bottom = H + 10): string {
  const first = pts[0] as [number, number];
  const last = pts[pts.length - 1] as [number, number];
  return (
    `M${f1(first[0])},${bottom} ` + pts.map(([x, y]) => `L${f1(x)},${f1(y)}`).join(' ') + ` L${f1(last[0])},${bottom} Z`
  );
}

function yAt(pts: [number, number][], x: number): number {
  for (let i = 1; i < pts.length; i++) {
    const a = pts[i - 1] as [number, number];
    const b = pts[i] as [number, number];
    if (x <= b[0]) return a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0]);
  }
  return (pts[pts.length - 1] as [number, number])[1];
}

// ---------------------------------------------------------------------------
// Shared scenery

function sky(c: Canvas, L: Light, horizonY: number, sun: { x: number; y: number; r: number } | null): void {
  const r = c.r;
  const top = horizonY / H;
  c.add(
    `<rect width="${W}" height="${H}" fill="${c.linear([
      [0, L.skyTop],
      [top * 0.55, L.skyMid],
      [top, L.horizon],
      [1, L.horizon],
    ])}"/>`,
  );
  if (L.time === 'night') {
    for (let i = 0; i < 140; i++) {
      const y = r.range(0, horizonY * 0.8);
      c.add(
        `<circle cx="${f1(r.range(0, W))}" cy="${f1(y)}" r="${f1(r.range(0.6, 2.1))}" fill="#ffffff" opacity="${f1(r.range(0.25, 0.9) * (1 - y / horizonY))}"/>`,
      );
    }
  }
  if (sun) {
    const glowR = L.time === 'day' ? sun.r * 6 : sun.r * 9;
    c.add(
      `<circle cx="${sun.x}" cy="${sun.y}" r="${glowR}" fill="${c.radial([
        [0, L.sunGlow, L.time === 'night' ? 0.35 : 0.75],
        [0.35, L.sunGlow, L.time === 'night' ? 0.1 : 0.25],
        [1, L.sunGlow, 0],
      ])}"/>`,
      L.time === 'night'
        ? `<path d="M${sun.x},${sun.y - sun.r} A${sun.r},${sun.r} 0 0 0 ${sun.x},${sun.y + sun.r} A${f1(sun.r * 0.55)},${sun.r} 0 0 1 ${sun.x},${sun.y - sun.r} Z" fill="${L.sun}" transform="rotate(-20 ${sun.x} ${sun.y})"/>`
        : `<circle cx="${sun.x}" cy="${sun.y}" r="${sun.r}" fill="${L.sun}"/>`,
    );
  }
}

function clouds(c: Canvas, L: Light, count: number, yMin: number, yMax: number): void {
  const r = c.r;
  const blur = c.blur(6);
  for (let i = 0; i < count; i++) {
    const cx = r.range(-100, W + 100);
    const cy = r.range(yMin, yMax);
    const w = r.range(160, 420);
    const parts: string[] = [];
    const puffs = r.int(4, 7);
    for (let k = 0; k < puffs; k++) {
      const px = cx + (k / (puffs - 1) - 0.5) * w;
      const pr = (w / puffs) * r.range(0.7, 1.3) * (1 - Math.abs(k / (puffs - 1) - 0.5));
      parts.push(`<circle cx="${f1(px)}" cy="${f1(cy - pr * 0.35)}" r="${f1(pr + 12)}"/>`);
    }
    parts.push(`<ellipse cx="${f1(cx)}" cy="${f1(cy)}" rx="${f1(w * 0.55)}" ry="${f1(w * 0.07 + 10)}"/>`);
    const op = L.time === 'night' ? 0.35 : r.range(0.55, 0.85);
    c.add(`<g fill="${L.cloud}" opacity="${op.toFixed(2)}" filter="${blur}">${parts.join('')}</g>`);
    c.add(
      `<ellipse cx="${f1(cx)}" cy="${f1(cy + w * 0.03)}" rx="${f1(w * 0.5)}" ry="${f1(w * 0.04 + 5)}" fill="${mix(L.cloud, L.skyTop, 0.35)}" opacity="0.25" filter="${blur}"/>`,
    );
  }
}

function hills(
  c: Canvas,
  L: Light,
  base: number,
  amp: number,
  colour: string,
  opts: { waves?: number; rough?: number } = {},
): [number, number][] {
  const pts = ridgePoints(c.r, base, amp, opts);
  c.add(`<path d="${closedToBottom(pts)}" fill="${colour}"/>`);
  return pts;
}

function mist(c: Canvas, L: Light, y: number, h: number, opacity: number): void {
  const colour = L.time === 'night' ? L.haze : lighten(L.haze, 0.4);
  c.add(
    `<rect x="0" y="${f1(y - h)}" width="${W}" height="${f1(h * 2)}" fill="${c.linear([
      [0, colour, 0],
      [0.5, colour, opacity],
      [1, colour, 0],
    ])}"/>`,
  );
}

function palm(x: number, y: number, h: number, lean: number, colour: string, r: Rng): string {
  const topX = x + lean * h;
  const topY = y - h;
  const trunk = `<path d="M${f1(x - h * 0.025)},${f1(y)} Q${f1(x + lean * h * 0.2)},${f1(y - h * 0.5)} ${f1(topX - h * 0.01)},${f1(topY)} L${f1(topX + h * 0.012)},${f1(topY)} Q${f1(x + lean * h * 0.2 + h * 0.02)},${f1(y - h * 0.5)} ${f1(x + h * 0.025)},${f1(y)} Z" fill="${colour}"/>`;
  const fronds: string[] = [];
  const n = r.int(6, 9);
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2 + r.range(-0.2, 0.2);
    const len = h * r.range(0.32, 0.45);
    const ex = topX + Math.cos(a) * len;
    const ey = topY + Math.abs(Math.sin(a)) * len * 0.35 + len * 0.25;
    const mx = topX + Math.cos(a) * len * 0.5;
    const my = topY - len * 0.2;
    const w = h * 0.035;
    fronds.push(
      `<path d="M${f1(topX)},${f1(topY)} Q${f1(mx)},${f1(my - w)} ${f1(ex)},${f1(ey)} Q${f1(mx)},${f1(my + w)} ${f1(topX)},${f1(topY)} Z" fill="${colour}"/>`,
    );
  }
  return trunk + fronds.join('');
}

/** A rounded tropical tree: trunk and a clump of canopy circles. */
function tree(x: number, y: number, h: number, colour: string, light: string, r: Rng): string {
  const parts = [
    `<rect x="${f1(x - h * 0.03)}" y="${f1(y - h * 0.55)}" width="${f1(h * 0.06)}" height="${f1(h * 0.55)}" fill="${darken(colour, 0.3)}"/>`,
  ];
  const cy = y - h * 0.68;
  const n = r.int(4, 6);
  for (let i = 0; i < n; i++) {
    const cx = x + r.range(-0.22, 0.22) * h;
    const cyy = cy + r.range(-0.18, 0.12) * h;
    const rr = h * r.range(0.16, 0.26);
    parts.push(`<circle cx="${f1(cx)}" cy="${f1(cyy)}" r="${f1(rr)}" fill="${colour}"/>`);
    parts.push(
      `<circle cx="${f1(cx - rr * 0.25)}" cy="${f1(cyy - rr * 0.3)}" r="${f1(rr * 0.55)}" fill="${light}" opacity="0.35"/>`,
    );
  }
  return parts.join('');
}

interface PersonOpts {
  shirt: string;
  skin: string;
  hair: string;
  hat?: 'caping' | 'hijab' | 'peci' | 'none';
  bend?: number;
  arms?: 'down' | 'up' | 'out';
  /** Seen from behind: no face. */
  back?: boolean;
}

/** A simple standing figure, feet at (x, y), height h. */
function person(x: number, y: number, h: number, o: PersonOpts): string {
  const bend = o.bend ?? 0;
  const hr = h * 0.075;
  const hipY = y - h * 0.47;
  const neckY = y - h + hr * 2.1 + bend * h * 0.25;
  const hx = x + bend * h * 0.28;
  const hy = neckY - hr * 1.05;
  const sw = h * 0.12;
  const hw = h * 0.095;
  const sx = x + bend * h * 0.22;
  const parts: string[] = [];
  const trousers = darken(o.shirt, 0.55);
  // legs
  parts.push(
    `<path d="M${f1(x - hw)},${f1(hipY)} L${f1(x - hw * 0.85)},${f1(y)} L${f1(x - hw * 0.1)},${f1(y)} L${f1(x)},${f1(hipY + h * 0.08)} L${f1(x + hw * 0.1)},${f1(y)} L${f1(x + hw * 0.85)},${f1(y)} L${f1(x + hw)},${f1(hipY)} Z" fill="${trousers}"/>`,
  );
  // arms
  const armW = f1(h * 0.055);
  const shoulderY = neckY + hr * 0.6;
  const arm = (side: number) => {
    const ax = sx + side * sw * 0.85;
    let ex: number;
    let ey: number;
    if (o.arms === 'up') {
      ex = ax + side * h * 0.12;
      ey = shoulderY - h * 0.32;
    } else if (o.arms === 'out') {
      ex = ax + side * h * 0.33;
      ey = shoulderY - h * 0.05;
    } else {
      ex = ax + side * h * 0.05 + bend * h * 0.2;
      ey = shoulderY + h * 0.34;
    }
    return `<path d="M${f1(ax)},${f1(shoulderY)} L${f1(ex)},${f1(ey)}" stroke="${o.shirt}" stroke-width="${armW}" stroke-linecap="round"/><circle cx="${f1(ex)}" cy="${f1(ey)}" r="${f1(h * 0.028)}" fill="${o.skin}"/>`;
  };
  parts.push(arm(-1), arm(1));
  // torso
  parts.push(
    `<path d="M${f1(sx - sw)},${f1(neckY + hr * 0.9)} Q${f1(sx - sw)},${f1(neckY)} ${f1(sx - sw * 0.5)},${f1(neckY)} L${f1(sx + sw * 0.5)},${f1(neckY)} Q${f1(sx + sw)},${f1(neckY)} ${f1(sx + sw)},${f1(neckY + hr * 0.9)} L${f1(x + hw * 1.05)},${f1(hipY + h * 0.02)} L${f1(x - hw * 1.05)},${f1(hipY + h * 0.02)} Z" fill="${o.shirt}"/>`,
  );
  // head
  if (o.hat === 'hijab') {
    parts.push(
      `<path d="M${f1(hx - hr * 1.35)},${f1(neckY + hr * 0.8)} Q${f1(hx - hr * 1.5)},${f1(hy - hr * 1.5)} ${f1(hx)},${f1(hy - hr * 1.3)} Q${f1(hx + hr * 1.5)},${f1(hy - hr * 1.5)} ${f1(hx + hr * 1.35)},${f1(neckY + hr * 0.8)} Z" fill="${o.hair}"/>`,
      o.back
        ? ''
        : `<ellipse cx="${f1(hx)}" cy="${f1(hy + hr * 0.1)}" rx="${f1(hr * 0.72)}" ry="${f1(hr * 0.85)}" fill="${o.skin}"/>`,
    );
  } else {
    parts.push(`<circle cx="${f1(hx)}" cy="${f1(hy)}" r="${f1(hr)}" fill="${o.back ? o.hair : o.skin}"/>`);
    parts.push(
      `<path d="M${f1(hx - hr)},${f1(hy)} A${f1(hr)},${f1(hr)} 0 0 1 ${f1(hx + hr)},${f1(hy)} Q${f1(hx)},${f1(hy - hr * 0.4)} ${f1(hx - hr)},${f1(hy)} Z" fill="${o.hair}"/>`,
    );
    if (o.hat === 'caping') {
      parts.push(
        `<path d="M${f1(hx - hr * 2.6)},${f1(hy - hr * 0.1)} L${f1(hx)},${f1(hy - hr * 1.9)} L${f1(hx + hr * 2.6)},${f1(hy - hr * 0.1)} Q${f1(hx)},${f1(hy + hr * 0.2)} ${f1(hx - hr * 2.6)},${f1(hy - hr * 0.1)} Z" fill="#d9b873"/>`,
        `<path d="M${f1(hx)},${f1(hy - hr * 1.9)} L${f1(hx + hr * 2.6)},${f1(hy - hr * 0.1)} Q${f1(hx + hr)},${f1(hy + hr * 0.1)} ${f1(hx)},${f1(hy)} Z" fill="#a88650" opacity="0.5"/>`,
      );
    } else if (o.hat === 'peci') {
      parts.push(
        `<rect x="${f1(hx - hr * 0.95)}" y="${f1(hy - hr * 1.45)}" width="${f1(hr * 1.9)}" height="${f1(hr * 0.8)}" rx="${f1(hr * 0.2)}" fill="#1b1b1f"/>`,
      );
    }
  }
  return parts.join('');
}

const SKINS = ['#8d5a3b', '#a86b45', '#c08a5e', '#7a4a2e', '#b57c52', '#9c6644'];
const HAIR = ['#1c1410', '#241a14', '#2e221a', '#141010'];
const CLOTH = [
  '#c0392b',
  '#2e86c1',
  '#f1c40f',
  '#27ae60',
  '#8e44ad',
  '#e67e22',
  '#ecf0f1',
  '#16a085',
  '#34495e',
  '#d35400',
  '#7f8c8d',
  '#b03a6a',
  '#1f618d',
];

function randomPerson(r: Rng, L: Light, amount = 1): PersonOpts {
  const hat = r.chance(0.3) ? 'hijab' : r.chance(0.1) ? 'peci' : 'none';
  return {
    shirt: lit(r.pick(CLOTH), L, amount),
    skin: lit(r.pick(SKINS), L, amount),
    hair: lit(hat === 'hijab' ? r.pick(CLOTH) : r.pick(HAIR), L, amount),
    hat,
  };
}

/** A small fishing boat or outrigger, waterline at (x, y), length ~ 260·s. */
function boat(c: Canvas, L: Light, x: number, y: number, s: number, withReflection: boolean): void {
  const r = c.r;
  const hullColour = lit(r.pick(['#c0392b', '#1f5fa8', '#f4f1ea', '#f1c40f', '#1e8449', '#e67e22', '#2c3e50']), L);
  const stripe = lit(r.pick(['#f4f1ea', '#c0392b', '#1f5fa8', '#f1c40f', '#117a65']), L);
  const cabin = lit(r.pick(['#f4f1ea', '#d0d3d4', '#85c1e9', '#f9e79f']), L);
  const kind = r.pick(['outrigger', 'cabin', 'cabin', 'sail'] as const);
  const g: string[] = [];
  const hull = 'M-130,-38 Q-120,-22 -100,-20 L100,-20 Q125,-24 140,-48 Q128,-6 95,8 L-88,8 Q-118,0 -130,-38 Z';
  if (kind === 'cabin') {
    g.push(`<rect x="-55" y="-70" width="80" height="52" rx="4" fill="${cabin}"/>`);
    g.push(
      `<rect x="-45" y="-62" width="22" height="16" fill="${darken(cabin, 0.45)}"/><rect x="-15" y="-62" width="22" height="16" fill="${darken(cabin, 0.45)}"/>`,
    );
    g.push(`<rect x="-60" y="-76" width="90" height="8" fill="${darken(cabin, 0.25)}"/>`);
    g.push(`<line x1="45" y1="-20" x2="45" y2="-150" stroke="${darken(hullColour, 0.5)}" stroke-width="4"/>`);
    g.push(`<line x1="45" y1="-150" x2="120" y2="-40" stroke="${darken(hullColour, 0.5)}" stroke-width="1.5"/>`);
    g.push(`<path d="M45,-150 L70,-143 L45,-136 Z" fill="${lit('#c0392b', L)}"/>`);
  } else if (kind === 'sail') {
    g.push(`<line x1="0" y1="-20" x2="0" y2="-230" stroke="${darken(hullColour, 0.5)}" stroke-width="4"/>`);
    const sail = lit(r.pick(['#f4f1ea', '#e8d5b5', '#c0392b', '#f5cba7']), L);
    g.push(`<path d="M4,-225 Q70,-130 110,-32 L4,-32 Z" fill="${sail}"/>`);
    g.push(`<path d="M-4,-205 Q-50,-120 -95,-34 L-4,-34 Z" fill="${darken(sail, 0.12)}"/>`);
  } else {
    // outrigger arms and floats (jukung)
    const wood = lit('#6e4b2a', L);
    g.push(`<path d="M-70,-26 Q-150,-60 -200,-4" stroke="${wood}" stroke-width="5" fill="none"/>`);
    g.push(`<path d="M70,-26 Q150,-60 200,-4" stroke="${wood}" stroke-width="5" fill="none"/>`);
    g.push(
      `<rect x="-215" y="-6" width="90" height="9" rx="4" fill="${wood}"/><rect x="125" y="-6" width="90" height="9" rx="4" fill="${wood}"/>`,
    );
    g.push(`<line x1="10" y1="-20" x2="10" y2="-120" stroke="${wood}" stroke-width="3"/>`);
    g.push(`<path d="M-90,-26 L140,-48" stroke="${stripe}" stroke-width="3"/>`);
  }
  g.push(`<path d="${hull}" fill="${hullColour}"/>`);
  g.push(
    `<path d="M-128,-34 Q-118,-24 -100,-22 L100,-22 Q124,-26 138,-46 L136,-38 Q120,-15 100,-12 L-100,-12 Q-122,-16 -128,-34 Z" fill="${stripe}"/>`,
  );
  g.push(
    `<path d="M-95,8 L92,8 Q115,-2 128,-24 Q110,-6 92,0 L-95,0 Z" fill="${darken(hullColour, 0.35)}" opacity="0.6"/>`,
  );
  const body = g.join('');
  if (withReflection) {
    c.add(
      `<g transform="translate(${f1(x)},${f1(y + 14 * s)}) scale(${s.toFixed(3)},${(-s * 0.8).toFixed(3)})" opacity="0.22">${body}</g>`,
    );
  }
  c.add(`<g transform="translate(${f1(x)},${f1(y)}) scale(${s.toFixed(3)})">${body}</g>`);
}

function water(c: Canvas, L: Light, horizonY: number, sunX: number | null): void {
  const r = c.r;
  c.add(
    `<rect y="${horizonY}" width="${W}" height="${H - horizonY}" fill="${c.linear([
      [0, L.waterTop],
      [1, L.waterBottom],
    ])}"/>`,
  );
  // ripples, denser and wider towards the viewer
  const rows = 70;
  for (let i = 0; i < rows; i++) {
    const t = (i / rows) ** 1.6;
    const y = horizonY + 3 + t * (H - horizonY);
    const n = 3 + Math.floor(t * 10);
    for (let k = 0; k < n; k++) {
      const len = (20 + t * 160) * r.range(0.5, 1.4);
      const x = r.range(-50, W);
      const light = r.chance(0.55);
      c.add(
        `<path d="M${f1(x)},${f1(y)} q${f1(len / 2)},${f1(-2 - t * 4)} ${f1(len)},0" stroke="${light ? lighten(L.waterTop, 0.35) : darken(L.waterBottom, 0.2)}" stroke-width="${f1(1 + t * 3)}" fill="none" opacity="${(0.25 + t * 0.25).toFixed(2)}"/>`,
      );
    }
  }
  if (sunX !== null) {
    // glitter path of the sun or moon
    for (let i = 0; i < 60; i++) {
      const t = r.next() ** 1.4;
      const y = horizonY + 2 + t * (H - horizonY);
      const spread = 30 + t * 260;
      const x = sunX + r.range(-spread, spread) * r.next();
      const len = 10 + t * 90 * r.range(0.4, 1);
      c.add(
        `<rect x="${f1(x - len / 2)}" y="${f1(y)}" width="${f1(len)}" height="${f1(1.5 + t * 4)}" rx="2" fill="${L.sun}" opacity="${(0.35 + r.next() * 0.5).toFixed(2)}"/>`,
      );
    }
  }
}

function vignette(c: Canvas, strength: number): void {
  const id = c.id('vg');
  c.defs.push(
    `<radialGradient id="${id}" cx="0.5" cy="0.5" r="0.75"><stop offset="0.55" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="${strength}"/></radialGradient>`,
  );
  c.add(`<rect width="${W}" height="${H}" fill="url(#${id})"/>`);
}

function birds(c: Canvas, L: Light, n: number, x0: number, y0: number): void {
  const r = c.r;
  for (let i = 0; i < n; i++) {
    const x = x0 + r.range(-160, 160);
    const y = y0 + r.range(-60, 60);
    const s = r.range(6, 13);
    c.add(
      `<path d="M${f1(x - s)},${f1(y - s * 0.3)} Q${f1(x - s * 0.5)},${f1(y - s * 0.7)} ${f1(x)},${f1(y)} Q${f1(x + s * 0.5)},${f1(y - s * 0.7)} ${f1(x + s)},${f1(y - s * 0.3)}" stroke="${L.ink}" stroke-width="2" fill="none" opacity="0.8"/>`,
    );
  }
}

// ---------------------------------------------------------------------------
// Scenes

function harbour(c: Canvas): void {
  const r = c.r;
  const L = makeLight(r, r.pick(['dawn', 'day', 'dusk', 'dusk', 'day', 'night'] as const));
  const hy = r.int(440, 500);
  const sunX = r.range(300, 1300);
  const sunY = L.time === 'day' ? r.range(90, 200) : hy - r.range(30, 110);
  sky(c, L, hy, { x: sunX, y: sunY, r: L.time === 'day' ? 40 : 50 });
  clouds(c, L, r.int(2, 5), 80, hy - 140);
  hills(c, L, hy - 30, 45, depth(L.ink, L, 0.75), { waves: 3 });
  hills(c, L, hy - 8, 20, depth(L.ink, L, 0.55), { waves: 4 });
  // quay with containers and cranes
  const quayY = hy - 4;
  const quayL = r.range(0, 300);
  const quayR = r.range(900, 1350);
  const far = (col: string) => depth(lit(col, L), L, 0.45);
  c.add(
    `<rect x="${f1(quayL)}" y="${f1(quayY - 6)}" width="${f1(quayR - quayL)}" height="12" fill="${far('#6c6c6c')}"/>`,
  );
  const containerCols = ['#b03a2e', '#1f618d', '#d4ac0d', '#117a65', '#ca6f1e', '#7d3c98', '#85929e'];
  for (let x = quayL + 20; x < quayR - 40; x += r.range(26, 34)) {
    const stack = r.int(0, 4);
    for (let k = 0; k < stack; k++) {
      c.add(
        `<rect x="${f1(x)}" y="${f1(quayY - 6 - (k + 1) * 12)}" width="26" height="11" fill="${far(r.pick(containerCols))}"/>`,
      );
    }
  }
  const craneCol = far(r.pick(['#c0392b', '#e67e22', '#f1c40f', '#5d6d7e']));
  const cranes = r.int(2, 4);
  for (let i = 0; i < cranes; i++) {
    const x = quayL + ((i + 0.5) / cranes) * (quayR - quayL) + r.range(-40, 40);
    const hgt = r.range(150, 210);
    const top = quayY - hgt;
    c.add(
      `<g stroke="${craneCol}" stroke-width="5" fill="none">` +
        `<path d="M${f1(x - 30)},${f1(quayY)} L${f1(x - 22)},${f1(top)} M${f1(x + 30)},${f1(quayY)} L${f1(x + 22)},${f1(top)} M${f1(x - 26)},${f1(quayY - hgt * 0.45)} L${f1(x + 26)},${f1(quayY - hgt * 0.45)} M${f1(x - 28)},${f1(quayY - hgt * 0.2)} L${f1(x + 26)},${f1(quayY - hgt * 0.45)}"/>` +
        `<path d="M${f1(x - 90)},${f1(top + 8)} L${f1(x + 150)},${f1(top + 8)}" stroke-width="8"/>` +
        `<path d="M${f1(x)},${f1(top - 30)} L${f1(x - 90)},${f1(top + 8)} M${f1(x)},${f1(top - 30)} L${f1(x + 150)},${f1(top + 8)} M${f1(x)},${f1(top - 30)} L${f1(x)},${f1(top + 8)}" stroke-width="2.5"/>` +
        `<line x1="${f1(x + 95)}" y1="${f1(top + 8)}" x2="${f1(x + 95)}" y2="${f1(top + 60)}" stroke-width="1.5"/>` +
        `</g>`,
    );
    if (L.time === 'night' || L.time === 'dusk')
      c.add(`<circle cx="${f1(x)}" cy="${f1(top - 30)}" r="4" fill="#ff5040"/>`);
  }
  water(c, L, hy, L.time === 'day' ? null : sunX);
  // pier from one side
  const side = r.chance(0.5) ? -1 : 1;
  const wood = lit('#6b4a2b', L);
  const px0 = side < 0 ? -20 : W + 20;
  const px1 = side < 0 ? r.range(380, 560) : W - r.range(380, 560);
  const pyTop = hy + 60;
  c.add(
    `<path d="M${f1(px0)},${H - 140} L${f1(px1)},${f1(pyTop + 30)} L${f1(px1)},${f1(pyTop + 44)} L${f1(px0)},${H - 96} Z" fill="${wood}"/>`,
  );
  for (let i = 0; i <= 8; i++) {
    const t = i / 8;
    const x = px0 + (px1 - px0) * t;
    const yTop = H - 140 + (pyTop + 30 - (H - 140)) * t;
    const w = 14 - t * 9;
    c.add(
      `<rect x="${f1(x - w / 2)}" y="${f1(yTop - 10 * (1 - t))}" width="${f1(w)}" height="${f1(70 - t * 40)}" fill="${darken(wood, 0.35)}"/>`,
    );
  }
  // boats, far to near
  const n = r.int(3, 6);
  const ys = Array.from({ length: n }, () => r.range(hy + 40, H - 60)).sort((a, b) => a - b);
  for (const y of ys) {
    const t = (y - hy) / (H - hy);
    const s = 0.25 + t * 0.95;
    boat(c, L, r.range(150, W - 150), y, s, true);
  }
  if (L.time !== 'night') birds(c, L, r.int(3, 7), r.range(300, 1300), r.range(150, 300));
  vignette(c, 0.35);
}

function city(c: Canvas): void {
  const r = c.r;
  const L = makeLight(r, r.pick(['day', 'dusk', 'night', 'dawn', 'day', 'dusk'] as const));
  const groundY = r.int(640, 700);
  const sunX = r.range(200, 1400);
  sky(c, L, groundY - 80, { x: sunX, y: L.time === 'day' ? r.range(100, 180) : r.range(240, 380), r: 40 });
  clouds(c, L, r.int(2, 5), 60, 320);
  const hueBase = r.range(0, 360);
  const lightsOn = L.time === 'night' || L.time === 'dusk';
  const layers = [
    { d: 0.85, min: 120, max: 330, wMin: 60, wMax: 130, win: false },
    { d: 0.55, min: 150, max: 430, wMin: 70, wMax: 150, win: true },
    { d: 0.2, min: 90, max: 300, wMin: 90, wMax: 190, win: true },
  ];
  for (const layer of layers) {
    let x = r.range(-80, 0);
    while (x < W) {
      const w = r.range(layer.wMin, layer.wMax);
      const h = r.range(layer.min, layer.max);
      const top = groundY - h;
      const base = hsl(hueBase + r.range(-30, 30), r.range(0.05, 0.25), r.range(0.45, 0.75));
      const col = depth(lit(base, L), L, layer.d);
      const shade = darken(col, 0.18);
      c.add(`<rect x="${f1(x)}" y="${f1(top)}" width="${f1(w)}" height="${f1(h + 5)}" fill="${col}"/>`);
      c.add(
        `<rect x="${f1(x + w * 0.72)}" y="${f1(top)}" width="${f1(w * 0.28)}" height="${f1(h + 5)}" fill="${shade}"/>`,
      );
      const roof = r.next();
      if (roof < 0.2) {
        c.add(
          `<line x1="${f1(x + w / 2)}" y1="${f1(top)}" x2="${f1(x + w / 2)}" y2="${f1(top - r.range(30, 80))}" stroke="${col}" stroke-width="4"/>`,
        );
        if (lightsOn) c.add(`<circle cx="${f1(x + w / 2)}" cy="${f1(top - 75)}" r="3" fill="#ff4d3d"/>`);
      } else if (roof < 0.35) {
        c.add(
          `<path d="M${f1(x)},${f1(top)} L${f1(x + w / 2)},${f1(top - w * 0.35)} L${f1(x + w)},${f1(top)} Z" fill="${col}"/>`,
        );
      } else if (roof < 0.45) {
        c.add(`<rect x="${f1(x + w * 0.15)}" y="${f1(top - 18)}" width="${f1(w * 0.7)}" height="20" fill="${shade}"/>`);
      }
      if (layer.win) {
        const cw = layer.d > 0.4 ? 9 : 12;
        const ch = layer.d > 0.4 ? 12 : 16;
        const gx = cw + r.range(6, 12);
        const gy = ch + r.range(8, 14);
        const glass = depth(lit(mix('#9fc5e8', L.skyMid, 0.4), L), L, layer.d);
        for (let wy = top + 16; wy < groundY - 30; wy += gy) {
          for (let wx = x + 10; wx < x + w - cw - 6; wx += gx) {
            const on = lightsOn && r.chance(L.time === 'night' ? 0.45 : 0.25);
            const fill = on ? depth(r.pick(['#ffd27a', '#ffe6a6', '#fff3d6']), L, layer.d * 0.6) : glass;
            c.add(
              `<rect x="${f1(wx)}" y="${f1(wy)}" width="${cw}" height="${ch}" fill="${fill}" opacity="${on ? 0.95 : 0.55}"/>`,
            );
          }
        }
      }
      x += w + r.range(-10, 25);
    }
    if (layer.d > 0.5) mist(c, L, groundY - 40, 60, 0.35);
  }
  // street
  const road = lit('#3b3d42', L);
  c.add(`<rect y="${groundY}" width="${W}" height="${H - groundY}" fill="${road}"/>`);
  c.add(`<rect y="${groundY}" width="${W}" height="22" fill="${lit('#9a968c', L)}"/>`);
  const laneY = groundY + (H - groundY) * 0.55;
  for (let x = -20; x < W; x += 120)
    c.add(`<rect x="${x}" y="${f1(laneY)}" width="70" height="6" fill="${lit('#e8e4d8', L)}" opacity="0.8"/>`);
  if (lightsOn) {
    for (let i = 0; i < 16; i++) {
      const y = groundY + r.range(40, H - groundY - 20);
      const x = r.range(-100, W);
      const len = r.range(120, 400);
      const col = r.chance(0.5) ? '#ff3b30' : '#fff1c4';
      c.add(
        `<rect x="${f1(x)}" y="${f1(y)}" width="${f1(len)}" height="${f1(r.range(2, 5))}" rx="2" fill="${col}" opacity="${r.range(0.5, 0.9).toFixed(2)}"/>`,
      );
    }
  } else {
    for (let i = 0; i < r.int(2, 4); i++) {
      const x = r.range(0, W - 200);
      const y = groundY + r.range(50, H - groundY - 50);
      const col = lit(r.pick(CLOTH), L);
      c.add(
        `<g transform="translate(${f1(x)},${f1(y)})"><rect x="0" y="-38" width="170" height="34" rx="10" fill="${col}"/><path d="M30,-38 L50,-66 L120,-66 L145,-38 Z" fill="${col}"/><path d="M56,-60 L116,-60 L132,-40 L46,-40 Z" fill="${lit('#9fc5e8', L)}" opacity="0.8"/><circle cx="38" cy="-4" r="14" fill="#1b1b1b"/><circle cx="135" cy="-4" r="14" fill="#1b1b1b"/></g>`,
      );
    }
  }
  // street trees and lamps
  const treeCol = lit('#2e6b35', L);
  for (let x = r.range(40, 160); x < W; x += r.range(220, 360)) {
    c.add(tree(x, groundY + 10, r.range(150, 210), treeCol, lighten(treeCol, 0.3), r));
  }
  for (let x = r.range(100, 200); x < W; x += r.range(300, 420)) {
    const lampCol = lit('#2a2d33', L);
    c.add(
      `<rect x="${f1(x - 3)}" y="${f1(groundY - 170)}" width="6" height="180" fill="${lampCol}"/><path d="M${f1(x)},${f1(groundY - 170)} q30,-10 50,0" stroke="${lampCol}" stroke-width="5" fill="none"/>`,
    );
    if (lightsOn)
      c.add(
        `<circle cx="${f1(x + 50)}" cy="${f1(groundY - 165)}" r="40" fill="${c.radial([
          [0, '#fff1c4', 0.8],
          [1, '#fff1c4', 0],
        ])}"/>`,
      );
  }
  vignette(c, 0.3);
}

function forest(c: Canvas): void {
  const r = c.r;
  const L = makeLight(r, r.pick(['dawn', 'day', 'day', 'dawn', 'dusk'] as const));
  const hy = r.int(360, 430);
  const sunX = r.range(250, 1350);
  sky(c, L, hy, { x: sunX, y: L.time === 'day' ? r.range(90, 160) : hy - r.range(40, 110), r: 38 });
  clouds(c, L, r.int(1, 4), 60, hy - 150);
  hills(c, L, hy - 40, 90, depth(lit('#36593a', L), L, 0.85), { waves: 2 });
  mist(c, L, hy, 50, 0.6);
  const greens = [r.range(95, 130), r.range(130, 160)];
  const layers = 5;
  for (let i = 0; i < layers; i++) {
    const t = i / (layers - 1);
    const base = hy + 20 + t * (H - hy) * 0.62;
    const green = hsl(greens[i % 2] as number, r.range(0.35, 0.55), 0.22 + (1 - t) * 0.08);
    const col = depth(lit(green, L), L, 0.75 * (1 - t));
    const pts = ridgePoints(r, base, 30 + t * 40, { waves: 3, rough: 0.15 });
    const canopy: string[] = [];
    const step = 18 + t * 40;
    for (let x = -40; x < W + 40; x += step * r.range(0.6, 1.1)) {
      const y = yAt(pts, x);
      const rr = step * r.range(0.7, 1.3);
      canopy.push(`<circle cx="${f1(x)}" cy="${f1(y)}" r="${f1(rr)}"/>`);
      if (r.chance(0.05 + t * 0.06) && i > 0 && i < layers - 1) {
        canopy.push(
          palm(x, y + rr * 0.5, rr * r.range(2.2, 3), r.range(-0.15, 0.15), col, r).replace(/ fill="[^"]*"/g, ''),
        );
      }
    }
    c.add(`<g fill="${col}">${canopy.join('')}<path d="${closedToBottom(pts)}"/></g>`);
    // highlights on the sun side
    c.add(
      `<path d="${closedToBottom(pts.map(([x, y]) => [x, y + 6] as [number, number]))}" fill="${lighten(col, 0.08)}" opacity="0.4"/>`,
    );
    if (i < layers - 2) mist(c, L, base + 30, 40, 0.35 - t * 0.2);
  }
  // god rays
  if (L.time === 'day' || L.time === 'dawn') {
    const rayCol = L.sun;
    const rayBlur = c.blur(18);
    const rays: string[] = [];
    for (let i = 0; i < 6; i++) {
      const x0 = sunX + r.range(-300, 300);
      const x1 = x0 + r.range(-120, 120);
      const w = r.range(25, 70);
      rays.push(
        `<path d="M${f1(x0 - w * 0.4)},${f1(hy - 40)} L${f1(x0 + w * 0.4)},${f1(hy - 40)} L${f1(x1 + w)},${H} L${f1(x1 - w)},${H} Z"/>`,
      );
    }
    c.add(
      `<g fill="${c.linear([
        [0, rayCol, 0.16],
        [1, rayCol, 0],
      ])}" filter="${rayBlur}">${rays.join('')}</g>`,
    );
  }
  // near trunks and ferns
  const near = lit(hsl(greens[0] as number, 0.4, 0.14), L);
  for (let i = 0; i < 14; i++) {
    const x = r.range(-50, W + 50);
    const y = H + r.range(0, 30);
    const len = r.range(90, 200);
    for (let k = 0; k < 6; k++) {
      const a = -Math.PI / 2 + (k - 2.5) * 0.35 + r.range(-0.1, 0.1);
      const ex = x + Math.cos(a) * len;
      const ey = y + Math.sin(a) * len;
      c.add(
        `<path d="M${f1(x)},${f1(y)} Q${f1(x + Math.cos(a) * len * 0.5 - 20)},${f1(y + Math.sin(a) * len * 0.6)} ${f1(ex)},${f1(ey)} Q${f1(x + Math.cos(a) * len * 0.5 + 20)},${f1(y + Math.sin(a) * len * 0.5)} ${f1(x)},${f1(y)} Z" fill="${near}"/>`,
      );
    }
  }
  vignette(c, 0.35);
}

function stage(c: Canvas): void {
  const r = c.r;
  const L = makeLight(r, 'night');
  const hue = r.pick([270, 220, 0, 330, 200, 25]);
  const back = hsl(hue, 0.45, 0.12);
  c.add(
    `<rect width="${W}" height="${H}" fill="${c.linear([
      [0, hsl(hue, 0.4, 0.05)],
      [0.7, back],
      [1, hsl(hue, 0.4, 0.08)],
    ])}"/>`,
  );
  const floorY = r.int(590, 630);
  // backdrop: a gunungan-like tree-of-life shape, softly lit
  const gx = W / 2 + r.range(-120, 120);
  const gh = r.range(380, 460);
  const gw = gh * 0.42;
  const gTop = floorY - gh - 30;
  const gold = hsl(hue + 30, 0.55, 0.42);
  c.add(
    `<circle cx="${f1(gx)}" cy="${f1(gTop + gh * 0.55)}" r="${f1(gh * 0.75)}" fill="${c.radial([
      [0, hsl(hue + 20, 0.6, 0.45), 0.55],
      [1, back, 0],
    ])}"/>`,
  );
  c.add(
    `<path d="M${f1(gx)},${f1(gTop)} C${f1(gx + gw * 0.5)},${f1(gTop + gh * 0.3)} ${f1(gx + gw)},${f1(gTop + gh * 0.6)} ${f1(gx + gw * 0.8)},${f1(gTop + gh)} L${f1(gx - gw * 0.8)},${f1(gTop + gh)} C${f1(gx - gw)},${f1(gTop + gh * 0.6)} ${f1(gx - gw * 0.5)},${f1(gTop + gh * 0.3)} ${f1(gx)},${f1(gTop)} Z" fill="${gold}" opacity="0.55"/>`,
  );
  for (let k = 1; k <= 4; k++) {
    const s = 1 - k * 0.18;
    c.add(
      `<path d="M${f1(gx)},${f1(gTop + gh * (1 - s))} C${f1(gx + gw * 0.5 * s)},${f1(gTop + gh * (1 - s * 0.7))} ${f1(gx + gw * s)},${f1(gTop + gh * (1 - s * 0.4))} ${f1(gx + gw * 0.8 * s)},${f1(gTop + gh)} M${f1(gx)},${f1(gTop + gh * (1 - s))} C${f1(gx - gw * 0.5 * s)},${f1(gTop + gh * (1 - s * 0.7))} ${f1(gx - gw * s)},${f1(gTop + gh * (1 - s * 0.4))} ${f1(gx - gw * 0.8 * s)},${f1(gTop + gh)}" stroke="${lighten(gold, 0.25)}" stroke-width="3" fill="none" opacity="0.5"/>`,
    );
  }
  c.add(
    `<line x1="${f1(gx)}" y1="${f1(gTop + 20)}" x2="${f1(gx)}" y2="${f1(gTop + gh)}" stroke="${lighten(gold, 0.2)}" stroke-width="4" opacity="0.5"/>`,
  );
  // curtains
  const curtain = hsl(r.pick([355, 345, 10, 280]), 0.6, 0.25);
  for (const side of [-1, 1]) {
    const x0 = side < 0 ? 0 : W;
    const w = r.range(150, 230);
    const folds = 6;
    for (let i = 0; i < folds; i++) {
      const fx = x0 + side * (i / folds) * w;
      c.add(
        `<rect x="${f1(side < 0 ? fx : fx - w / folds)}" y="0" width="${f1(w / folds + 1)}" height="${H}" fill="${c.linear(
          [
            [0, darken(curtain, 0.4)],
            [0.5, lighten(curtain, 0.1)],
            [1, darken(curtain, 0.5)],
          ],
          0,
          0,
          1,
          0,
        )}"/>`,
      );
    }
  }
  c.add(`<rect x="0" y="0" width="${W}" height="70" fill="${darken(curtain, 0.3)}"/>`);
  for (let x = 0; x < W; x += 80)
    c.add(`<path d="M${x},70 Q${x + 40},105 ${x + 80},70 Z" fill="${darken(curtain, 0.3)}"/>`);
  // floor
  c.add(
    `<path d="M0,${floorY} L${W},${floorY} L${W},${H} L0,${H} Z" fill="${c.linear([
      [0, hsl(25, 0.35, 0.28)],
      [1, hsl(25, 0.3, 0.1)],
    ])}"/>`,
  );
  c.add(`<rect y="${floorY}" width="${W}" height="4" fill="${hsl(30, 0.4, 0.45)}"/>`);
  // spotlights
  const spotCol = r.pick(['#fff4d6', '#ffe2b0', '#d6e6ff', '#ffd6f0']);
  const spots = r.int(3, 5);
  for (let i = 0; i < spots; i++) {
    const sx = ((i + 0.5) / spots) * W + r.range(-60, 60);
    const tx = W / 2 + r.range(-400, 400);
    const w = r.range(90, 160);
    c.add(
      `<path d="M${f1(sx - 12)},60 L${f1(tx - w)},${floorY + 40} L${f1(tx + w)},${floorY + 40} L${f1(sx + 12)},60 Z" fill="${c.linear(
        [
          [0, spotCol, 0.45],
          [1, spotCol, 0.04],
        ],
      )}"/>`,
    );
    c.add(`<ellipse cx="${f1(tx)}" cy="${floorY + 40}" rx="${f1(w * 1.2)}" ry="30" fill="${spotCol}" opacity="0.18"/>`);
    c.add(
      `<circle cx="${f1(sx)}" cy="62" r="10" fill="${spotCol}"/><circle cx="${f1(sx)}" cy="62" r="30" fill="${c.radial([
        [0, spotCol, 0.7],
        [1, spotCol, 0],
      ])}"/>`,
    );
  }
  // dancer
  const lightL: Light = { ...L, day: 0.75, tint: spotCol };
  const dx = gx + r.range(-40, 40);
  const dancerCol = r.pick(['#c0392b', '#d4ac0d', '#1e8449', '#7d3c98', '#2874a6']);
  c.add(`<ellipse cx="${f1(dx)}" cy="${floorY + 8}" rx="70" ry="12" fill="#000" opacity="0.35"/>`);
  c.add(
    person(dx, floorY + 5, 250, {
      shirt: lit(dancerCol, lightL),
      skin: lit(r.pick(SKINS), lightL),
      hair: '#1a120c',
      hat: 'none',
      arms: r.pick(['out', 'up'] as const),
    }),
  );
  c.add(
    `<path d="M${f1(dx - 40)},${floorY - 110} L${f1(dx + 40)},${floorY - 110} L${f1(dx + 60)},${floorY + 5} L${f1(dx - 60)},${floorY + 5} Z" fill="${lit(lighten(dancerCol, 0.2), lightL)}"/>`,
  );
  c.add(
    `<path d="M${f1(dx - 20)},${floorY - 230} L${f1(dx)},${floorY - 262} L${f1(dx + 20)},${floorY - 230} Z" fill="${lit('#d4ac0d', lightL)}"/>`,
  );
  // gamelan players either side
  const bronze = lit('#b7862b', lightL);
  for (const side of [-1, 1]) {
    for (let i = 0; i < 3; i++) {
      const x = gx + side * (260 + i * 150) + r.range(-20, 20);
      const y = floorY + 60 + (i % 2) * 30;
      const p = randomPerson(r, lightL);
      c.add(person(x, y, 170, { ...p, hat: r.chance(0.5) ? 'peci' : p.hat, bend: 0.12 }));
      // instrument: a wooden frame with bronze keys or a pot-gong row
      const iw = 150;
      c.add(
        `<rect x="${f1(x - iw / 2)}" y="${f1(y - 55)}" width="${iw}" height="45" rx="4" fill="${lit('#6e2c1a', lightL)}"/>`,
      );
      if (r.chance(0.5)) {
        for (let k = 0; k < 7; k++)
          c.add(
            `<rect x="${f1(x - iw / 2 + 8 + k * 20)}" y="${f1(y - 64)}" width="16" height="12" rx="2" fill="${bronze}"/>`,
          );
      } else {
        for (let k = 0; k < 5; k++)
          c.add(
            `<ellipse cx="${f1(x - iw / 2 + 18 + k * 28)}" cy="${f1(y - 58)}" rx="12" ry="7" fill="${bronze}"/><circle cx="${f1(x - iw / 2 + 18 + k * 28)}" cy="${f1(y - 63)}" r="4" fill="${lighten(bronze, 0.3)}"/>`,
          );
      }
    }
  }
  // hanging gong
  const gongX = gx + r.pick([-1, 1]) * r.range(600, 680);
  c.add(
    `<g stroke="${lit('#5a2614', lightL)}" stroke-width="10" fill="none"><path d="M${f1(gongX - 80)},${floorY + 40} L${f1(gongX - 80)},${floorY - 230} L${f1(gongX + 80)},${floorY - 230} L${f1(gongX + 80)},${floorY + 40}"/></g>`,
  );
  c.add(
    `<circle cx="${f1(gongX)}" cy="${floorY - 120}" r="62" fill="${bronze}"/><circle cx="${f1(gongX)}" cy="${floorY - 120}" r="48" fill="${darken(bronze, 0.2)}"/><circle cx="${f1(gongX)}" cy="${floorY - 120}" r="16" fill="${lighten(bronze, 0.35)}"/>`,
  );
  // audience heads
  const aud = '#07060a';
  for (let row = 0; row < 2; row++) {
    for (let x = -30; x < W + 40; x += r.range(70, 100)) {
      const y = H - 40 + row * 55 + r.range(-10, 10);
      const s = 1 + row * 0.3;
      c.add(
        `<ellipse cx="${f1(x)}" cy="${f1(y + 60 * s)}" rx="${f1(58 * s)}" ry="${f1(50 * s)}" fill="${aud}"/><circle cx="${f1(x)}" cy="${f1(y)}" r="${f1(30 * s)}" fill="${aud}"/>`,
      );
      if (r.chance(0.05))
        c.add(
          `<rect x="${f1(x + 20)}" y="${f1(y - 90)}" width="26" height="42" rx="4" fill="#1a1a1a"/><rect x="${f1(x + 23)}" y="${f1(y - 87)}" width="20" height="36" rx="2" fill="${spotCol}" opacity="0.5"/>`,
        );
    }
  }
  vignette(c, 0.45);
}

function field(c: Canvas): void {
  const r = c.r;
  const L = makeLight(r, r.pick(['day', 'day', 'dawn', 'dusk'] as const));
  const hy = r.int(330, 400);
  const sunX = r.range(200, 1400);
  sky(c, L, hy, { x: sunX, y: L.time === 'day' ? r.range(80, 160) : hy - r.range(30, 90), r: 38 });
  clouds(c, L, r.int(2, 5), 60, hy - 120);
  // a volcano on the horizon
  const vx = r.range(300, 1300);
  const vh = r.range(140, 220);
  c.add(
    `<path d="M${f1(vx - 700)},${hy + 20} Q${f1(vx - 200)},${f1(hy - vh * 0.5)} ${f1(vx - 40)},${f1(hy - vh)} L${f1(vx + 40)},${f1(hy - vh)} Q${f1(vx + 200)},${f1(hy - vh * 0.5)} ${f1(vx + 700)},${hy + 20} Z" fill="${depth(lit('#4a5a6a', L), L, 0.7)}"/>`,
  );
  hills(c, L, hy - 5, 25, depth(lit('#3e6b3a', L), L, 0.55), { waves: 4 });
  // tree line with palms
  const treeLine = depth(lit('#24502a', L), L, 0.35);
  const tl = ridgePoints(r, hy + 12, 10, { waves: 3 });
  c.add(`<path d="${closedToBottom(tl)}" fill="${treeLine}"/>`);
  for (let x = 0; x < W; x += r.range(30, 80)) {
    if (r.chance(0.5)) c.add(palm(x, yAt(tl, x) + 5, r.range(60, 110), r.range(-0.12, 0.12), treeLine, r));
    else c.add(`<circle cx="${f1(x)}" cy="${f1(yAt(tl, x))}" r="${f1(r.range(14, 28))}" fill="${treeLine}"/>`);
  }
  // terraces
  const golden = r.chance(0.45);
  const bands = 11;
  let y = hy + 18;
  const baseHue = golden ? 48 : 95;
  for (let i = 0; i < bands; i++) {
    const t = i / (bands - 1);
    const bh = 12 + t * t * 90;
    const amp = 10 + t * 30;
    const pts = ridgePoints(r, y, amp, { waves: 2, rough: 0.02, step: 24 });
    const hue = baseHue + r.range(-10, 10) + (golden && r.chance(0.25) ? 40 : 0);
    const col = depth(
      lit(hsl(hue, golden ? 0.7 : 0.55, (golden ? 0.45 : 0.38) + r.range(-0.05, 0.06)), L),
      L,
      0.5 * (1 - t),
    );
    c.add(`<path d="${closedToBottom(pts)}" fill="${col}"/>`);
    c.add(
      `<path d="M${pts.map(([x, yy]) => `${f1(x)},${f1(yy)}`).join(' L')}" stroke="${lighten(col, 0.25)}" stroke-width="${f1(1 + t * 3)}" fill="none"/>`,
    );
    // rows of plants
    for (let k = 1; k <= 3; k++) {
      const off = (bh * k) / 4;
      c.add(
        `<path d="M${pts.map(([x, yy]) => `${f1(x)},${f1(yy + off)}`).join(' L')}" stroke="${darken(col, 0.2)}" stroke-width="${f1(1 + t * 4)}" stroke-dasharray="${f1(2 + t * 4)} ${f1(3 + t * 8)}" fill="none" opacity="0.7"/>`,
      );
    }
    // some flooded paddies reflect the sky
    if (!golden && r.chance(0.2) && i > 1) {
      c.add(
        `<path d="M${pts.map(([x, yy]) => `${f1(x)},${f1(yy + bh * 0.3)}`).join(' L')}" stroke="${L.horizon}" stroke-width="${f1(bh * 0.25)}" fill="none" opacity="0.35"/>`,
      );
    }
    y += bh;
    if (y > H + 40) break;
  }
  // a hut
  if (r.chance(0.6)) {
    const x = r.range(200, W - 200);
    const yy = hy + r.range(60, 120);
    const wood = lit('#6b4a2b', L);
    const thatch = lit('#a47a3c', L);
    c.add(
      `<rect x="${f1(x - 30)}" y="${f1(yy - 40)}" width="6" height="42" fill="${wood}"/><rect x="${f1(x + 24)}" y="${f1(yy - 40)}" width="6" height="42" fill="${wood}"/><rect x="${f1(x - 30)}" y="${f1(yy - 22)}" width="60" height="6" fill="${wood}"/><path d="M${f1(x - 48)},${f1(yy - 38)} L${f1(x)},${f1(yy - 78)} L${f1(x + 48)},${f1(yy - 38)} Z" fill="${thatch}"/>`,
    );
  }
  // farmers
  const n = r.int(2, 4);
  for (let i = 0; i < n; i++) {
    const t = r.range(0.25, 1);
    const yy = hy + 60 + t * (H - hy - 90);
    const h = 60 + t * 190;
    const p = randomPerson(r, L);
    c.add(person(r.range(100, W - 100), yy, h, { ...p, hat: 'caping', bend: r.chance(0.6) ? r.range(0.3, 0.5) : 0 }));
  }
  if (L.time !== 'night') birds(c, L, r.int(3, 8), r.range(300, 1300), r.range(120, 240));
  vignette(c, 0.3);
}

function mountain(c: Canvas): void {
  const r = c.r;
  const L = makeLight(r, r.pick(['dawn', 'day', 'dusk', 'dawn', 'day'] as const));
  const hy = r.int(520, 580);
  const sunX = r.range(150, 1450);
  sky(c, L, hy, { x: sunX, y: L.time === 'day' ? r.range(80, 150) : r.range(260, 360), r: 36 });
  clouds(c, L, r.int(1, 3), 60, 260);
  hills(c, L, hy - 60, 60, depth(lit('#55606e', L), L, 0.8), { waves: 3 });
  // volcano
  const vx = r.range(550, 1050);
  const peak = r.range(150, 220);
  const crater = r.range(40, 80);
  const rock = lit(hsl(r.range(15, 35), 0.15, 0.36), L);
  const leftBase = vx - r.range(650, 850);
  const rightBase = vx + r.range(650, 850);
  const foot = hy + 60;
  const cone =
    `M${f1(leftBase)},${foot} C${f1(vx - 380)},${f1(foot - 40)} ${f1(vx - crater - 90)},${f1(peak + 170)} ${f1(vx - crater)},${f1(peak)}` +
    ` Q${f1(vx)},${f1(peak + 14)} ${f1(vx + crater)},${f1(peak)}` +
    ` C${f1(vx + crater + 90)},${f1(peak + 170)} ${f1(vx + 380)},${f1(foot - 40)} ${f1(rightBase)},${foot} Z`;
  const lightSide = sunX < vx ? -1 : 1;
  const rockFar = depth(rock, L, 0.35);
  const litRock = lighten(rockFar, 0.14);
  const shadeRock = darken(rockFar, 0.12);
  c.add(
    `<path d="${cone}" fill="${c.linear(
      lightSide < 0
        ? [
            [0.3, litRock],
            [0.5, rockFar],
            [0.7, shadeRock],
          ]
        : [
            [0.3, shadeRock],
            [0.5, rockFar],
            [0.7, litRock],
          ],
      0,
      0,
      1,
      0,
    )}"/>`,
  );
  // gullies, clipped to the cone
  const clip = c.id('cp');
  c.defs.push(`<clipPath id="${clip}"><path d="${cone}"/></clipPath>`);
  const gullies: string[] = [];
  for (let i = 0; i < 9; i++) {
    const sx = vx + r.range(-crater, crater);
    const ex = vx + (sx - vx) * r.range(2.5, 4.5);
    gullies.push(
      `<path d="M${f1(sx)},${f1(peak + 4)} Q${f1((sx + ex) / 2 + r.range(-10, 10))},${f1(peak + 80)} ${f1(ex)},${f1(peak + r.range(140, 230))}" stroke="${darken(depth(rock, L, 0.35), 0.25)}" stroke-width="${f1(r.range(2, 5))}" fill="none" opacity="0.6"/>`,
    );
  }
  c.add(`<g clip-path="url(#${clip})">${gullies.join('')}</g>`);
  // plume
  const blur = c.blur(10);
  const drift = r.range(-1.2, 1.2);
  const smoke = L.time === 'dusk' ? '#a89aa8' : L.time === 'dawn' ? '#d8cdd6' : '#e8e8ea';
  const puffs: string[] = [];
  for (let i = 0; i < 26; i++) {
    const t = i / 25;
    const px = vx + drift * t * 420 + r.range(-20, 20) * (1 + t * 3);
    const py = peak - 10 - t * (peak - 10) * 1.1;
    const pr = 22 + t * 70 * r.range(0.7, 1.2);
    puffs.push(
      `<circle cx="${f1(px)}" cy="${f1(py)}" r="${f1(pr)}" fill="${mix(smoke, '#5d5d66', r.range(0, 0.35))}" opacity="${(0.85 - t * 0.45).toFixed(2)}"/>`,
    );
  }
  c.add(`<g filter="${blur}">${puffs.join('')}</g>`);
  mist(c, L, hy - 10, 50, 0.5);
  // foreground ranges with villages and trees
  const mid = hills(c, L, hy + 40, 40, depth(lit('#3d6b3a', L), L, 0.4), { waves: 3 });
  for (let i = 0; i < r.int(8, 16); i++) {
    const x = r.range(0, W);
    const y = yAt(mid, x) + r.range(10, 60);
    const roof = lit(r.pick(['#a93226', '#b9770e', '#7b241c', '#5d6d7e']), L);
    const wall = lit('#e5e0d4', L);
    c.add(
      `<rect x="${f1(x - 12)}" y="${f1(y - 12)}" width="24" height="14" fill="${depth(wall, L, 0.3)}"/><path d="M${f1(x - 16)},${f1(y - 11)} L${f1(x)},${f1(y - 24)} L${f1(x + 16)},${f1(y - 11)} Z" fill="${depth(roof, L, 0.3)}"/>`,
    );
  }
  const near = hills(c, L, hy + 170, 50, lit('#274a24', L), { waves: 3, rough: 0.12 });
  for (let x = -20; x < W; x += r.range(40, 110)) {
    const y = yAt(near, x) + 20;
    if (r.chance(0.35)) c.add(palm(x, y, r.range(110, 170), r.range(-0.1, 0.1), lit('#1b3619', L), r));
    else c.add(tree(x, y, r.range(100, 170), lit('#21421f', L), lit('#4f7a3a', L), r));
  }
  // monitoring post with a mast
  if (r.chance(0.7)) {
    const x = r.range(150, W - 150);
    const y = yAt(near, x) + 25;
    const post = lit('#dcd6c8', L);
    c.add(
      `<rect x="${f1(x - 40)}" y="${f1(y - 50)}" width="80" height="50" fill="${post}"/><path d="M${f1(x - 48)},${f1(y - 48)} L${f1(x)},${f1(y - 80)} L${f1(x + 48)},${f1(y - 48)} Z" fill="${lit('#8e2b20', L)}"/><rect x="${f1(x - 22)}" y="${f1(y - 36)}" width="16" height="14" fill="${lit('#2c3e50', L)}"/><line x1="${f1(x + 30)}" y1="${f1(y - 60)}" x2="${f1(x + 30)}" y2="${f1(y - 190)}" stroke="${lit('#555', L)}" stroke-width="4"/><path d="M${f1(x + 18)},${f1(y - 170)} L${f1(x + 42)},${f1(y - 170)} M${f1(x + 22)},${f1(y - 140)} L${f1(x + 38)},${f1(y - 140)}" stroke="${lit('#555', L)}" stroke-width="3"/>`,
    );
  }
  vignette(c, 0.3);
}

function studio(c: Canvas): void {
  const r = c.r;
  const L = makeLight(r, 'day');
  L.day = 0.85;
  const hue = r.pick([210, 25, 200, 260, 160, 15]);
  const wall = hsl(hue, 0.18, 0.3);
  c.add(
    `<rect width="${W}" height="${H}" fill="${c.linear([
      [0, darken(wall, 0.35)],
      [0.6, wall],
      [1, darken(wall, 0.25)],
    ])}"/>`,
  );
  // acoustic panels
  const pw = 110;
  const ph = 110;
  const panelHue = hue + r.range(-30, 30);
  for (let y = 50; y < 560; y += ph + 14) {
    for (let x = 40; x < W; x += pw + 14) {
      const col = hsl(panelHue + r.range(-8, 8), 0.25, 0.24 + r.range(-0.04, 0.05));
      c.add(
        `<rect x="${x}" y="${y}" width="${pw}" height="${ph}" rx="6" fill="${col}"/><rect x="${x + 8}" y="${y + 8}" width="${pw - 16}" height="${ph - 16}" rx="4" fill="${darken(col, 0.12)}"/>`,
      );
    }
  }
  // control-room window with a soft figure behind glass
  const wx = r.range(820, 1080);
  const wy = 120;
  const ww = 460;
  const wh = 300;
  c.add(
    `<rect x="${f1(wx - 16)}" y="${wy - 16}" width="${ww + 32}" height="${wh + 32}" rx="8" fill="${darken(wall, 0.55)}"/>`,
  );
  c.add(
    `<rect x="${f1(wx)}" y="${wy}" width="${ww}" height="${wh}" fill="${c.linear([
      [0, hsl(hue + 180, 0.25, 0.35)],
      [1, hsl(hue + 180, 0.3, 0.18)],
    ])}"/>`,
  );
  const blur = c.blur(3);
  const winClip = c.id('cp');
  c.defs.push(`<clipPath id="${winClip}"><rect x="${f1(wx)}" y="${wy}" width="${ww}" height="${wh}"/></clipPath>`);
  c.add(
    `<g clip-path="url(#${winClip})"><g filter="${blur}" opacity="0.7">${person(wx + ww * r.range(0.3, 0.7), wy + wh + 120, 300, { shirt: r.pick(CLOTH), skin: r.pick(SKINS), hair: '#1a120c', hat: r.chance(0.4) ? 'hijab' : 'none' })}<rect x="${f1(wx)}" y="${wy + wh - 70}" width="${ww}" height="70" fill="#1b1d22"/>${Array.from({ length: 14 }, (_, i) => `<rect x="${f1(wx + 20 + i * 31)}" y="${wy + wh - 60}" width="6" height="${f1(r.range(16, 40))}" fill="#9aa0a6"/>`).join('')}</g></g>`,
  );
  c.add(
    `<path d="M${f1(wx)},${wy} L${f1(wx + 160)},${wy} L${f1(wx + 60)},${wy + wh} L${f1(wx)},${wy + wh} Z" fill="#ffffff" opacity="0.07"/>`,
  );
  // on-air lamp (red, no lettering)
  const lx = r.range(260, 640);
  c.add(
    `<circle cx="${f1(lx)}" cy="110" r="120" fill="${c.radial([
      [0, '#ff3b30', 0.45],
      [1, '#ff3b30', 0],
    ])}"/>`,
  );
  c.add(
    `<rect x="${f1(lx - 70)}" y="85" width="140" height="50" rx="12" fill="#5a0d0a"/><rect x="${f1(lx - 62)}" y="92" width="124" height="36" rx="8" fill="#ff3b30"/><rect x="${f1(lx - 56)}" y="96" width="112" height="10" rx="5" fill="#ff9d96" opacity="0.7"/>`,
  );
  // desk
  const deskY = r.int(600, 640);
  const deskCol = hsl(r.pick([25, 30, 210, 0]), r.range(0.1, 0.35), r.range(0.18, 0.32));
  c.add(
    `<path d="M-20,${deskY} L${W + 20},${deskY} L${W + 20},${H} L-20,${H} Z" fill="${c.linear([
      [0, lighten(deskCol, 0.15)],
      [0.15, deskCol],
      [1, darken(deskCol, 0.5)],
    ])}"/>`,
  );
  c.add(`<rect x="-20" y="${deskY - 6}" width="${W + 40}" height="8" fill="${lighten(deskCol, 0.3)}"/>`);
  // mixing console
  const cx = r.range(560, 900);
  const cw = 420;
  c.add(
    `<path d="M${f1(cx - cw / 2)},${deskY + 150} L${f1(cx - cw / 2 + 30)},${deskY + 20} L${f1(cx + cw / 2 - 30)},${deskY + 20} L${f1(cx + cw / 2)},${deskY + 150} Z" fill="#202226"/>`,
  );
  for (let i = 0; i < 12; i++) {
    const fx = cx - cw / 2 + 50 + i * ((cw - 100) / 11);
    c.add(
      `<rect x="${f1(fx - 2)}" y="${deskY + 70}" width="4" height="60" fill="#0c0c0e"/><rect x="${f1(fx - 9)}" y="${f1(deskY + 75 + r.range(0, 45))}" width="18" height="10" rx="2" fill="#c8ccd2"/>`,
    );
    for (let k = 0; k < 3; k++)
      c.add(
        `<circle cx="${f1(fx)}" cy="${deskY + 34 + k * 12}" r="4.5" fill="${r.pick(['#6b6f76', '#d0d3d8', '#e74c3c', '#3498db'])}"/>`,
      );
  }
  // monitor with a waveform
  const mx = r.range(1150, 1400);
  c.add(
    `<rect x="${f1(mx - 12)}" y="${deskY - 40}" width="24" height="40" fill="#16181b"/><rect x="${f1(mx - 150)}" y="${deskY - 220}" width="300" height="185" rx="8" fill="#111315"/>`,
  );
  c.add(
    `<rect x="${f1(mx - 140)}" y="${deskY - 210}" width="280" height="165" rx="4" fill="${hsl(hue + 190, 0.5, 0.12)}"/>`,
  );
  const pts: string[] = [];
  for (let i = 0; i <= 90; i++)
    pts.push(`${f1(mx - 130 + i * 2.9)},${f1(deskY - 128 + Math.sin(i * 0.7) * r.range(4, 38) * Math.sin(i * 0.08))}`);
  c.add(`<polyline points="${pts.join(' ')}" stroke="${hsl(hue + 150, 0.8, 0.6)}" stroke-width="2.5" fill="none"/>`);
  for (let i = 0; i < 4; i++)
    c.add(
      `<rect x="${f1(mx - 125)}" y="${f1(deskY - 195 + i * 14)}" width="${f1(r.range(50, 200))}" height="5" rx="2" fill="#ffffff" opacity="0.25"/>`,
    );
  // headphones on the desk
  const hx = r.range(200, 420);
  c.add(
    `<path d="M${f1(hx - 55)},${deskY + 40} Q${f1(hx)},${deskY - 60} ${f1(hx + 55)},${deskY + 40}" stroke="#1c1c1f" stroke-width="12" fill="none"/><ellipse cx="${f1(hx - 55)}" cy="${deskY + 50}" rx="26" ry="34" fill="#2a2a2e"/><ellipse cx="${f1(hx + 55)}" cy="${deskY + 50}" rx="26" ry="34" fill="#2a2a2e"/>`,
  );
  // microphones on boom arms
  const mics = r.int(1, 2);
  for (let i = 0; i < mics; i++) {
    const baseX = i === 0 ? r.range(80, 200) : r.range(1350, 1500);
    const dir = i === 0 ? 1 : -1;
    const elbowX = baseX + dir * r.range(120, 200);
    const elbowY = r.range(250, 330);
    const micX = elbowX + dir * r.range(140, 220);
    const micY = r.range(400, 470);
    c.add(
      `<path d="M${f1(baseX)},${deskY} L${f1(elbowX)},${f1(elbowY)} L${f1(micX)},${f1(micY - 70)}" stroke="#26282c" stroke-width="12" fill="none" stroke-linejoin="round"/><circle cx="${f1(elbowX)}" cy="${f1(elbowY)}" r="12" fill="#3a3d42"/>`,
    );
    c.add(
      `<rect x="${f1(micX - 30)}" y="${f1(micY - 80)}" width="60" height="150" rx="30" fill="#2b2d31"/><rect x="${f1(micX - 24)}" y="${f1(micY - 74)}" width="48" height="80" rx="24" fill="#55595f"/>`,
    );
    for (let k = 0; k < 6; k++)
      c.add(
        `<line x1="${f1(micX - 22)}" y1="${f1(micY - 60 + k * 11)}" x2="${f1(micX + 22)}" y2="${f1(micY - 60 + k * 11)}" stroke="#2b2d31" stroke-width="2"/>`,
      );
    c.add(
      `<circle cx="${f1(micX + dir * 45)}" cy="${f1(micY - 10)}" r="58" fill="#0d0d10" opacity="0.3"/><circle cx="${f1(micX + dir * 45)}" cy="${f1(micY - 10)}" r="58" fill="none" stroke="#15161a" stroke-width="5"/><path d="M${f1(micX + dir * 45)},${f1(micY + 48)} q${dir * -30},40 ${dir * -40},90" stroke="#26282c" stroke-width="4" fill="none"/>`,
    );
  }
  // a paper script and a mug
  c.add(
    `<path d="M${f1(cx + cw / 2 + 40)},${deskY + 60} L${f1(cx + cw / 2 + 220)},${deskY + 50} L${f1(cx + cw / 2 + 240)},${deskY + 150} L${f1(cx + cw / 2 + 50)},${deskY + 165} Z" fill="#eeeae0"/>`,
  );
  for (let k = 0; k < 6; k++)
    c.add(
      `<line x1="${f1(cx + cw / 2 + 62)}" y1="${deskY + 78 + k * 13}" x2="${f1(cx + cw / 2 + 200)}" y2="${deskY + 71 + k * 13}" stroke="#9b978d" stroke-width="3"/>`,
    );
  const mugX = r.range(1440, 1520);
  c.add(
    `<rect x="${f1(mugX - 28)}" y="${deskY + 10}" width="56" height="66" rx="6" fill="${r.pick(['#c0392b', '#f4f1ea', '#2874a6', '#d4ac0d'])}"/><path d="M${f1(mugX + 28)},${deskY + 25} q26,10 0,36" stroke="#888" stroke-width="7" fill="none"/>`,
  );
  // warm lamp glow
  c.add(
    `<circle cx="${f1(r.range(100, 500))}" cy="${deskY - 50}" r="420" fill="${c.radial([
      [0, '#ffd9a0', 0.2],
      [1, '#ffd9a0', 0],
    ])}"/>`,
  );
  vignette(c, 0.5);
}

function market(c: Canvas): void {
  const r = c.r;
  const L = makeLight(r, r.pick(['day', 'day', 'dusk', 'night'] as const));
  const hy = 300;
  sky(c, L, hy + 100, { x: r.range(200, 1400), y: r.range(80, 160), r: 30 });
  // background shophouses
  for (let x = -40; x < W; x += r.range(160, 240)) {
    const w = r.range(170, 250);
    const h = r.range(220, 330);
    const col = depth(lit(hsl(r.range(20, 60), 0.3, r.range(0.55, 0.75)), L), L, 0.45);
    c.add(
      `<rect x="${f1(x)}" y="${f1(hy + 180 - h)}" width="${f1(w)}" height="${f1(h + 200)}" fill="${col}"/><path d="M${f1(x - 10)},${f1(hy + 180 - h)} L${f1(x + w / 2)},${f1(hy + 140 - h)} L${f1(x + w + 10)},${f1(hy + 180 - h)} Z" fill="${depth(lit('#8e3b24', L), L, 0.45)}"/>`,
    );
    for (let k = 0; k < 3; k++)
      c.add(
        `<rect x="${f1(x + 20 + (k * (w - 40)) / 3)}" y="${f1(hy + 200 - h)}" width="${f1((w - 40) / 3 - 14)}" height="50" fill="${L.time === 'night' ? '#ffcf7a' : darken(col, 0.3)}" opacity="0.8"/>`,
      );
  }
  const lightsOn = L.time !== 'day';
  // string lights
  if (lightsOn || r.chance(0.5)) {
    for (let s = 0; s < 2; s++) {
      const y0 = 120 + s * 70;
      const sag = 60;
      const pts: string[] = [];
      for (let i = 0; i <= 40; i++) {
        const x = (i / 40) * W;
        const y = y0 + Math.sin((i / 40) * Math.PI * 3) ** 2 * sag;
        pts.push(`${f1(x)},${f1(y)}`);
        if (i % 2 === 0) {
          const col = r.pick(['#ffd27a', '#ff8a65', '#fff3c4', '#ffb74d']);
          c.add(
            `<circle cx="${f1(x)}" cy="${f1(y + 6)}" r="${lightsOn ? 18 : 0}" fill="${col}" opacity="0.25"/><circle cx="${f1(x)}" cy="${f1(y + 6)}" r="6" fill="${lightsOn ? col : '#e8e0c8'}"/>`,
          );
        }
      }
      c.add(`<polyline points="${pts.join(' ')}" stroke="#2a2520" stroke-width="2" fill="none"/>`);
    }
  }
  // stalls
  const stalls = r.int(4, 6);
  const sw = W / stalls;
  const produce = ['#e67e22', '#c0392b', '#27ae60', '#f1c40f', '#8e44ad', '#d35400', '#a9cce3', '#7dcea0', '#922b21'];
  for (let i = 0; i < stalls; i++) {
    const x = i * sw + r.range(-10, 10);
    const awnY = r.range(360, 410);
    const a1 = lit(r.pick(['#c0392b', '#1f618d', '#1e8449', '#d68910', '#7d3c98', '#148f77']), L);
    const a2 = lit('#f4f1ea', L);
    const stripes = 8;
    const aw = sw - 16;
    for (let k = 0; k < stripes; k++) {
      const sx = x + 8 + (k / stripes) * aw;
      c.add(
        `<path d="M${f1(sx + 10)},${f1(awnY - 70)} L${f1(sx + aw / stripes + 10)},${f1(awnY - 70)} L${f1(sx + aw / stripes)},${f1(awnY)} L${f1(sx)},${f1(awnY)} Z" fill="${k % 2 ? a2 : a1}"/>`,
      );
      c.add(
        `<path d="M${f1(sx)},${f1(awnY)} q${f1(aw / stripes / 2)},22 ${f1(aw / stripes)},0 Z" fill="${k % 2 ? a2 : a1}"/>`,
      );
    }
    const post = lit('#4a3420', L);
    c.add(
      `<rect x="${f1(x + 12)}" y="${f1(awnY)}" width="8" height="${f1(650 - awnY)}" fill="${post}"/><rect x="${f1(x + sw - 20)}" y="${f1(awnY)}" width="8" height="${f1(650 - awnY)}" fill="${post}"/>`,
    );
    c.add(
      `<rect x="${f1(x + 8)}" y="${f1(awnY + 20)}" width="${f1(sw - 16)}" height="${f1(200)}" fill="#000" opacity="0.25"/>`,
    );
    // counter and produce
    const tY = 560;
    c.add(
      `<rect x="${f1(x + 6)}" y="${tY}" width="${f1(sw - 12)}" height="100" fill="${lit('#7a5230', L)}"/><rect x="${f1(x + 6)}" y="${tY}" width="${f1(sw - 12)}" height="10" fill="${lit('#9c6b3e', L)}"/>`,
    );
    const piles = r.int(2, 4);
    for (let p = 0; p < piles; p++) {
      const pcx = x + 20 + ((p + 0.5) / piles) * (sw - 40);
      const col = lit(r.pick(produce), L);
      c.add(
        `<ellipse cx="${f1(pcx)}" cy="${tY + 4}" rx="${f1(sw / piles / 2 - 6)}" ry="14" fill="${lit('#b08850', L)}"/>`,
      );
      const pr = r.range(8, 13);
      for (let row = 0; row < 4; row++) {
        const count = 5 - row;
        for (let k = 0; k < count; k++) {
          c.add(
            `<circle cx="${f1(pcx + (k - (count - 1) / 2) * pr * 1.7 + r.range(-2, 2))}" cy="${f1(tY - 4 - row * pr * 1.3)}" r="${f1(pr)}" fill="${mix(col, '#000000', r.range(0, 0.2))}"/>`,
          );
        }
      }
    }
    // hanging goods
    for (let k = 0; k < r.int(2, 5); k++) {
      const hxp = x + 30 + r.range(0, sw - 60);
      const col = lit(r.pick(produce), L);
      c.add(
        `<line x1="${f1(hxp)}" y1="${f1(awnY + 10)}" x2="${f1(hxp)}" y2="${f1(awnY + 50)}" stroke="#333" stroke-width="2"/><ellipse cx="${f1(hxp)}" cy="${f1(awnY + 70)}" rx="14" ry="22" fill="${col}"/>`,
      );
    }
    // vendor
    c.add(person(x + sw / 2 + r.range(-30, 30), tY + 10, 170, { ...randomPerson(r, L, 0.6) }));
    c.add(`<rect x="${f1(x + 6)}" y="${tY + 10}" width="${f1(sw - 12)}" height="90" fill="${lit('#7a5230', L)}"/>`);
  }
  // ground
  c.add(`<rect y="650" width="${W}" height="${H - 650}" fill="${lit('#6e6659', L)}"/>`);
  // shoppers in front
  const shoppers = r.int(6, 10);
  const ys = Array.from({ length: shoppers }, () => r.range(700, 900)).sort((a, b) => a - b);
  for (const y of ys) {
    const t = (y - 700) / 200;
    const x = r.range(0, W);
    c.add(`<ellipse cx="${f1(x)}" cy="${f1(y)}" rx="${f1(40 + t * 30)}" ry="8" fill="#000" opacity="0.2"/>`);
    c.add(person(x, y, 260 + t * 170, { ...randomPerson(r, L, 1), back: r.chance(0.6) }));
    if (r.chance(0.3))
      c.add(`<path d="M${f1(x + 40)},${f1(y - 120)} q20,-30 40,0 l6,60 l-52,0 Z" fill="${lit('#c8a86a', L)}"/>`);
  }
  vignette(c, 0.35);
}

function sea(c: Canvas): void {
  const r = c.r;
  const L = makeLight(r, r.pick(['day', 'day', 'dusk', 'dawn', 'night'] as const));
  const hy = r.int(400, 470);
  const sunX = r.range(250, 1350);
  const sunY = L.time === 'day' ? r.range(80, 170) : hy - r.range(25, 110);
  sky(c, L, hy, { x: sunX, y: sunY, r: L.time === 'day' ? 40 : 55 });
  clouds(c, L, r.int(3, 6), 60, hy - 80);
  water(c, L, hy, L.time === 'day' ? sunX : sunX);
  // islands
  const islands = r.int(1, 3);
  for (let i = 0; i < islands; i++) {
    const x = r.range(100, W - 100);
    const w = r.range(150, 420);
    const h = r.range(25, 80);
    const col = depth(lit('#2f5a2c', L), L, r.range(0.35, 0.7));
    c.add(
      `<path d="M${f1(x - w / 2)},${hy + 2} Q${f1(x - w / 4)},${f1(hy - h)} ${f1(x)},${f1(hy - h)} Q${f1(x + w / 3)},${f1(hy - h * 0.9)} ${f1(x + w / 2)},${hy + 2} Z" fill="${col}"/>`,
    );
    for (let k = 0; k < r.int(2, 6); k++)
      c.add(palm(x + r.range(-w / 3, w / 3), hy - h * 0.7, r.range(30, 55), r.range(-0.2, 0.2), col, r));
    c.add(
      `<rect x="${f1(x - w / 2)}" y="${hy + 1}" width="${f1(w)}" height="3" fill="${lighten(L.waterTop, 0.4)}" opacity="0.6"/>`,
    );
  }
  // a schooner under sail
  if (r.chance(0.7)) {
    const x = r.range(200, W - 200);
    const y = hy + r.range(20, 60);
    const s = r.range(0.35, 0.6);
    const hull = lit('#5b3a21', L);
    const sail = lit('#efe6d2', L);
    c.add(
      `<g transform="translate(${f1(x)},${f1(y)}) scale(${s.toFixed(2)})"><path d="M-220,-40 L230,-40 L260,-80 Q220,10 160,20 L-170,20 Q-210,0 -220,-40 Z" fill="${hull}"/><line x1="-60" y1="-40" x2="-60" y2="-380" stroke="${hull}" stroke-width="8"/><line x1="90" y1="-40" x2="90" y2="-340" stroke="${hull}" stroke-width="8"/><path d="M-55,-370 L40,-60 L-55,-60 Z" fill="${sail}"/><path d="M-65,-360 L-180,-70 L-65,-70 Z" fill="${darken(sail, 0.1)}"/><path d="M95,-330 L200,-70 L95,-70 Z" fill="${sail}"/><path d="M90,-320 L250,-80" stroke="${hull}" stroke-width="3"/><path d="M240,-80 L330,-60 L250,-50 Z" fill="${darken(sail, 0.1)}"/></g>`,
    );
  }
  // nearby boat
  if (r.chance(0.6)) boat(c, L, r.range(200, W - 200), r.range(hy + 170, H - 80), r.range(0.7, 1.1), true);
  // breaking waves in front
  for (let i = 0; i < 6; i++) {
    const y = hy + 80 + i * ((H - hy) / 6) + r.range(-10, 10);
    const pts = ridgePoints(r, y, 6 + i * 3, { waves: 5, rough: 0.1, step: 30 });
    c.add(
      `<path d="M${pts.map(([x, yy]) => `${f1(x)},${f1(yy)}`).join(' L')}" stroke="${lighten(L.waterTop, 0.5)}" stroke-width="${f1(1.5 + i)}" fill="none" opacity="${(0.15 + i * 0.05).toFixed(2)}"/>`,
    );
  }
  if (L.time !== 'night') birds(c, L, r.int(2, 6), r.range(300, 1300), r.range(140, 280));
  vignette(c, 0.3);
}

/** Indoor arena with a badminton court, seen from behind one baseline. */
function court(c: Canvas): void {
  const r = c.r;
  const L = makeLight(r, 'day');
  L.day = 0.9;
  const roofHue = r.pick([215, 200, 230, 20]);
  c.add(
    `<rect width="${W}" height="${H}" fill="${c.linear([
      [0, hsl(roofHue, 0.2, 0.1)],
      [0.45, hsl(roofHue, 0.18, 0.22)],
      [1, hsl(roofHue, 0.2, 0.16)],
    ])}"/>`,
  );
  // roof trusses and light rows
  for (let i = 0; i < 7; i++) {
    const y = 20 + i * i * 4.5;
    c.add(
      `<line x1="0" y1="${f1(y)}" x2="${W}" y2="${f1(y)}" stroke="${hsl(roofHue, 0.1, 0.3)}" stroke-width="${f1(3 + i)}"/>`,
    );
  }
  for (let i = 0; i < 14; i++) {
    const x = -200 + i * 150;
    c.add(
      `<line x1="${x}" y1="0" x2="${f1(W / 2 + (x - W / 2) * 0.55)}" y2="250" stroke="${hsl(roofHue, 0.1, 0.28)}" stroke-width="4"/>`,
    );
  }
  for (let row = 0; row < 3; row++) {
    const y = 40 + row * 60;
    const n = 6 + row * 2;
    for (let k = 0; k < n; k++) {
      const x = W / 2 + (k - (n - 1) / 2) * (160 + row * 25);
      const w = 50 + row * 14;
      c.add(
        `<circle cx="${f1(x)}" cy="${f1(y + 6)}" r="${f1(w * 0.9)}" fill="${c.radial([
          [0, '#fffbe6', 0.35],
          [1, '#fffbe6', 0],
        ])}"/><rect x="${f1(x - w / 2)}" y="${f1(y)}" width="${f1(w)}" height="${f1(8 + row * 3)}" rx="3" fill="#fffdf2"/>`,
      );
    }
  }
  // stands on three sides
  const standTop = 250;
  const floorTop = 500;
  c.add(`<rect y="${standTop}" width="${W}" height="${floorTop - standTop}" fill="${lit('#2b2f38', L)}"/>`);
  const crowdCols = [
    '#c0392b',
    '#f4f1ea',
    '#f4f1ea',
    '#2c3e50',
    '#7f8c8d',
    '#d4ac0d',
    '#1f618d',
    '#e8daef',
    '#c0392b',
    '#27ae60',
  ];
  for (let row = 0; row < 11; row++) {
    const y = standTop + 14 + row * 21;
    const rad = 5 + row * 0.35;
    for (let x = -10; x < W + 10; x += rad * 2.2 + r.range(0, 3)) {
      if (r.chance(0.08)) continue;
      c.add(
        `<circle cx="${f1(x)}" cy="${f1(y + r.range(-1.5, 1.5))}" r="${f1(rad)}" fill="${lit(r.pick(crowdCols), L, 0.5)}"/>`,
      );
    }
  }
  c.add(
    `<rect y="${floorTop - 24}" width="${W}" height="24" fill="${lit(r.pick(['#1f4e8c', '#b03a2e', '#1e8449']), L, 0.4)}"/>`,
  );
  // floor and court in perspective
  const floor = r.pick(['#2e7d5b', '#1f5f8b', '#7b3f2a', '#2d6b4f']);
  c.add(
    `<rect y="${floorTop}" width="${W}" height="${H - floorTop}" fill="${c.linear([
      [0, darken(floor, 0.15)],
      [1, floor],
    ])}"/>`,
  );
  const courtCol = r.pick(['#2f9a6a', '#2b78b8', '#3a8f5c']);
  const cx = W / 2;
  const farY = floorTop + 25;
  const nearY = H + 140;
  const farHalf = 170;
  const nearHalf = 760;
  const at = (u: number, v: number): [number, number] => {
    // u: -1 … 1 across, v: 0 far … 1 near; perspective-ish interpolation
    const t = v * v * 0.35 + v * 0.65;
    const y = farY + (nearY - farY) * t;
    const half = farHalf + (nearHalf - farHalf) * t;
    return [cx + u * half, y];
  };
  const quad = (u0: number, v0: number, u1: number, v1: number) => {
    const a = at(u0, v0);
    const b = at(u1, v0);
    const d = at(u1, v1);
    const e = at(u0, v1);
    return `M${f1(a[0])},${f1(a[1])} L${f1(b[0])},${f1(b[1])} L${f1(d[0])},${f1(d[1])} L${f1(e[0])},${f1(e[1])} Z`;
  };
  c.add(
    `<path d="${quad(-1.08, -0.02, 1.08, 1.05)}" fill="${darken(courtCol, 0.08)}"/><path d="${quad(-1, 0, 1, 1)}" fill="${courtCol}"/>`,
  );
  const lines: string[] = [];
  const seg = (u0: number, v0: number, u1: number, v1: number) => {
    const a = at(u0, v0);
    const b = at(u1, v1);
    lines.push(`M${f1(a[0])},${f1(a[1])} L${f1(b[0])},${f1(b[1])}`);
  };
  for (const u of [-1, -0.85, 0.85, 1]) seg(u, 0, u, 1);
  for (const v of [0, 0.06, 0.35, 0.65, 0.94, 1]) seg(-1, v, 1, v);
  seg(0, 0, 0, 0.35);
  seg(0, 0.65, 0, 1);
  c.add(`<path d="${lines.join(' ')}" stroke="#f4f6f0" stroke-width="5" fill="none" opacity="0.9"/>`);
  // net across the middle
  const [nl, ny] = at(-1.05, 0.5);
  const [nr] = at(1.05, 0.5);
  const netH = 110;
  c.add(
    `<rect x="${f1(nl - 5)}" y="${f1(ny - netH - 10)}" width="10" height="${netH + 10}" fill="#ddd"/><rect x="${f1(nr - 5)}" y="${f1(ny - netH - 10)}" width="10" height="${netH + 10}" fill="#ddd"/>`,
  );
  const mesh: string[] = [];
  for (let x = nl; x < nr; x += 14) mesh.push(`M${f1(x)},${f1(ny - netH)} L${f1(x)},${f1(ny - netH * 0.55)}`);
  for (let y = ny - netH; y < ny - netH * 0.55; y += 12) mesh.push(`M${f1(nl)},${f1(y)} L${f1(nr)},${f1(y)}`);
  c.add(
    `<path d="${mesh.join(' ')}" stroke="#1a1a1a" stroke-width="1.5" opacity="0.55"/><rect x="${f1(nl)}" y="${f1(ny - netH - 4)}" width="${f1(nr - nl)}" height="8" fill="#f4f4f0"/>`,
  );
  // players with rackets
  const shirtA = r.pick(['#c0392b', '#f4f1ea', '#d4ac0d', '#1f618d']);
  const shirtB = r.pick(['#17202a', '#27ae60', '#8e44ad', '#e67e22']);
  const racket = (x: number, y: number, h: number, side: number) =>
    `<line x1="${f1(x)}" y1="${f1(y)}" x2="${f1(x + side * h * 0.12)}" y2="${f1(y - h * 0.22)}" stroke="#333" stroke-width="${f1(h * 0.012 + 1)}"/><ellipse cx="${f1(x + side * h * 0.15)}" cy="${f1(y - h * 0.29)}" rx="${f1(h * 0.045)}" ry="${f1(h * 0.065)}" fill="none" stroke="#333" stroke-width="${f1(h * 0.01 + 1)}" transform="rotate(${side * 25} ${f1(x + side * h * 0.15)} ${f1(y - h * 0.29)})"/>`;
  const doubles = r.chance(0.5);
  const far = doubles ? [-0.45, 0.4] : [r.range(-0.3, 0.3)];
  for (const u of far) {
    const [x, y] = at(u, r.range(0.15, 0.3));
    const h = 150;
    c.add(person(x, y, h, { shirt: shirtB, skin: r.pick(SKINS), hair: '#1a120c', hat: 'none', arms: 'up' }));
    c.add(racket(x + h * 0.222, y - h * 1.1175, h, 1));
  }
  const near = doubles ? [-0.5, 0.35] : [r.range(-0.25, 0.25)];
  for (const u of near) {
    const [x, y] = at(u, r.range(0.78, 0.86));
    const h = 360;
    c.add(`<ellipse cx="${f1(x)}" cy="${f1(y)}" rx="80" ry="14" fill="#000" opacity="0.25"/>`);
    c.add(
      person(x, y, h, { shirt: shirtA, skin: r.pick(SKINS), hair: '#1a120c', hat: 'none', arms: 'up', back: true }),
    );
    c.add(racket(x + h * 0.222, y - h * 1.1175, h * 0.8, 1));
  }
  // the shuttlecock in flight
  const sx = r.range(500, 1100);
  const sy = r.range(330, 430);
  c.add(
    `<path d="M${f1(sx)},${f1(sy)} l14,-10 l4,8 Z" fill="#ffffff"/><circle cx="${f1(sx)}" cy="${f1(sy)}" r="4" fill="#f4f1ea"/>`,
  );
  vignette(c, 0.35);
}

function stadium(c: Canvas, seed: number): void {
  if (Math.abs(seed) % 2 === 1) {
    court(c);
    return;
  }
  const r = c.r;
  const L = makeLight(r, r.pick(['night', 'night', 'dusk', 'day'] as const));
  sky(c, L, 260, L.time === 'day' ? { x: r.range(200, 1400), y: 80, r: 30 } : null);
  const teamA = r.pick(['#c0392b', '#1f618d', '#f1c40f', '#27ae60', '#e67e22', '#8e44ad']);
  const teamB = r.pick(['#f4f1ea', '#17202a', '#5dade2', '#f5b041', '#922b21']);
  // stands: curved tiers
  const standTop = 150;
  const standBottom = 500;
  c.add(
    `<path d="M-50,${standBottom} L-50,${standTop + 60} Q${W / 2},${standTop - 60} ${W + 50},${standTop + 60} L${W + 50},${standBottom} Z" fill="${lit('#2b2f38', L)}"/>`,
  );
  const crowdCols = [teamA, teamA, teamB, '#f4f1ea', '#2c3e50', '#7f8c8d', '#c0392b', '#d4ac0d', '#1f618d', '#e8daef'];
  for (let row = 0; row < 18; row++) {
    const t = row / 17;
    const y0 = standTop + 50 + t * (standBottom - standTop - 70);
    const curve = (x: number) => y0 - Math.sin((x / W) * Math.PI) * (60 * (1 - t * 0.6));
    const rad = 4 + t * 3.5;
    for (let x = -20; x < W + 20; x += rad * 2.1 + r.range(0, 3)) {
      if (r.chance(0.06)) continue;
      const y = curve(x);
      c.add(
        `<circle cx="${f1(x)}" cy="${f1(y + r.range(-1.5, 1.5))}" r="${f1(rad)}" fill="${lit(r.pick(crowdCols), L, 0.6)}"/>`,
      );
    }
    if (row % 6 === 5)
      c.add(
        `<path d="M-40,${f1(curve(-40) + rad + 4)} Q${W / 2},${f1(curve(W / 2) * 2 - (curve(-40) + curve(W + 40)) / 2 + rad + 4)} ${W + 40},${f1(curve(W + 40) + rad + 4)}" stroke="${lit('#555b66', L)}" stroke-width="5" fill="none"/>`,
      );
  }
  // roof
  c.add(
    `<path d="M-50,${standTop + 40} Q${W / 2},${standTop - 80} ${W + 50},${standTop + 40} L${W + 50},${standTop + 10} Q${W / 2},${standTop - 110} -50,${standTop + 10} Z" fill="${lit('#1a1d23', L)}"/>`,
  );
  // floodlights
  if (L.time !== 'day') {
    for (const fx of [r.range(80, 260), r.range(W - 260, W - 80)]) {
      c.add(
        `<rect x="${f1(fx - 4)}" y="0" width="8" height="120" fill="#15171b"/><rect x="${f1(fx - 70)}" y="10" width="140" height="70" rx="4" fill="#222"/>`,
      );
      for (let k = 0; k < 12; k++)
        c.add(
          `<circle cx="${f1(fx - 50 + (k % 6) * 20)}" cy="${f1(30 + Math.floor(k / 6) * 28)}" r="8" fill="#fffbe6"/>`,
        );
      c.add(
        `<circle cx="${f1(fx)}" cy="45" r="260" fill="${c.radial([
          [0, '#fffbe6', 0.6],
          [0.3, '#fffbe6', 0.15],
          [1, '#fffbe6', 0],
        ])}"/>`,
      );
    }
  }
  // pitch with mowing stripes in perspective
  const pitchTop = 500;
  const green = L.time === 'day' ? '#3e8e41' : '#2f7a36';
  c.add(`<rect y="${pitchTop}" width="${W}" height="${H - pitchTop}" fill="${green}"/>`);
  for (let i = 0; i < 16; i++) {
    if (i % 2) continue;
    const xa = -400 + (i / 16) * (W + 800);
    const xb = -400 + ((i + 1) / 16) * (W + 800);
    const ta = W / 2 + (xa - W / 2) * 0.45;
    const tb = W / 2 + (xb - W / 2) * 0.45;
    c.add(
      `<path d="M${f1(ta)},${pitchTop} L${f1(tb)},${pitchTop} L${f1(xb)},${H} L${f1(xa)},${H} Z" fill="${lighten(green, 0.08)}"/>`,
    );
  }
  c.add(`<rect y="${pitchTop}" width="${W}" height="14" fill="${lit('#1d3f8a', L, 0.4)}"/>`);
  const line = '#f4f6f0';
  c.add(
    `<path d="M${W * 0.05},${pitchTop + 40} L${W * 0.95},${pitchTop + 40}" stroke="${line}" stroke-width="4" opacity="0.8"/><path d="M${W / 2},${pitchTop + 40} L${W / 2},${H}" stroke="${line}" stroke-width="5" opacity="0.8"/><ellipse cx="${W / 2}" cy="${pitchTop + 210}" rx="220" ry="70" stroke="${line}" stroke-width="5" fill="none" opacity="0.8"/>`,
  );
  // players
  const pl: Light = { ...L, day: L.time === 'day' ? 1 : 0.85 };
  for (let i = 0; i < r.int(5, 9); i++) {
    const y = r.range(pitchTop + 60, H - 20);
    const t = (y - pitchTop) / (H - pitchTop);
    const team = r.chance(0.5) ? teamA : teamB;
    const x = r.range(100, W - 100);
    c.add(
      `<ellipse cx="${f1(x)}" cy="${f1(y)}" rx="${f1(18 + t * 30)}" ry="${f1(4 + t * 6)}" fill="#000" opacity="0.3"/>`,
    );
    c.add(
      person(x, y, 70 + t * 180, {
        shirt: lit(team, pl),
        skin: lit(r.pick(SKINS), pl),
        hair: '#18120e',
        hat: 'none',
        arms: r.pick(['down', 'out', 'down'] as const),
        bend: r.range(-0.1, 0.15),
        back: r.chance(0.5),
      }),
    );
  }
  const by = r.range(pitchTop + 120, H - 60);
  c.add(
    `<circle cx="${f1(r.range(300, W - 300))}" cy="${f1(by)}" r="${f1(8 + ((by - pitchTop) / 400) * 10)}" fill="#ffffff"/>`,
  );
  vignette(c, 0.35);
}

const DRAW: Record<PhotoScene, (c: Canvas, seed: number) => void> = {
  harbour,
  city,
  forest,
  stage,
  field,
  mountain,
  studio,
  market,
  sea,
  stadium,
};

/** The SVG source of a demo photo (exported for tests and previews). */
export function demoPhotoSvg(photo: { scene: string; seed: number }, width: number, height: number): string {
  const scene = (PHOTO_SCENES as readonly string[]).includes(photo.scene) ? (photo.scene as PhotoScene) : 'city';
  const c = new Canvas(new Rng(photo.seed * 31 + PHOTO_SCENES.indexOf(scene)));
  DRAW[scene](c, photo.seed);
  return c.svg(width, height);
}

/** Render a demo photo as a JPEG of exactly width × height pixels. */
export async function renderDemoPhoto(
  photo: { scene: string; seed: number },
  width: number,
  height: number,
): Promise<Buffer> {
  const svg = demoPhotoSvg(photo, width, height);
  return sharp(Buffer.from(svg))
    .resize(width, height, { fit: 'cover' })
    .jpeg({ quality: 84, mozjpeg: true })
    .toBuffer();
}

/** What a demo photo shows: the fields that decide its pixels. */
export interface DemoPhotoSpec {
  scene: string;
  seed: number;
}

/** Stores one demo photo in a data dir and records it, as `storeImage` does an upload. */
export type DemoPhotoStorer = (
  db: Kysely<Database>,
  dataDir: string,
  photo: DemoPhotoSpec,
  meta: ImageMeta,
) => Promise<MediaRow>;

/** Photos being drawn ahead of their story (drawDemoPhotoAhead), by scene and seed. */
const drawnAhead = new Map<string, Promise<Buffer>>();
const photoKey = (photo: DemoPhotoSpec) => `${photo.scene}:${photo.seed}`;

/** Renders a demo photo at 1600 × 900 and stores it in every size, as an upload is stored. */
export async function renderAndStoreDemoPhoto(
  db: Kysely<Database>,
  dataDir: string,
  photo: DemoPhotoSpec,
  meta: ImageMeta,
): Promise<MediaRow> {
  const ahead = drawnAhead.get(photoKey(photo));
  drawnAhead.delete(photoKey(photo));
  return storeImage(db, dataDir, await (ahead ?? renderDemoPhoto(photo, 1600, 900)), meta);
}

/**
 * Starts drawing a photo the seed will store soon. librsvg draws one picture on one core, for
 * about half a second, and drawing was most of a first start: with the next stories' photos
 * drawn meanwhile, the other core works too. Nothing is drawn ahead for a storer tests put in
 * place; a drawing that fails is reported when its story stores it.
 */
export function drawDemoPhotoAhead(photo: DemoPhotoSpec): void {
  if (storer !== renderAndStoreDemoPhoto || drawnAhead.has(photoKey(photo))) return;
  const drawing = renderDemoPhoto(photo, 1600, 900);
  drawing.catch(() => undefined); // awaited (and thrown) by renderAndStoreDemoPhoto
  drawnAhead.set(photoKey(photo), drawing);
}

let storer: DemoPhotoStorer = renderAndStoreDemoPhoto;

/** Stores a demo story's photo, through the storer tests may have put in place. */
export function storeDemoPhoto(
  db: Kysely<Database>,
  dataDir: string,
  photo: DemoPhotoSpec,
  meta: ImageMeta,
): Promise<MediaRow> {
  return storer(db, dataDir, photo, meta);
}

/**
 * Replaces how this process stores demo photos. Tests only (test/helpers/demo.ts): drawing and
 * resizing is most of a demo seed's time, so test processes reuse files made earlier.
 */
export function useDemoPhotoStorer(next: DemoPhotoStorer): void {
  storer = next;
}
