"""time.svg: seconds against offers on log–log axes, for this checkout's build, the baseline's and the floor."""

from __future__ import annotations

import math

SERIES = [("this build", "#1f5fa8", "current"), ("baseline 11be49e", "#c0392b", "baseline"), ("bare Material floor", "#777", "floor")]
# Issue 15's time goals as dashed lines: half the baseline's time, 3.5 times the floor's.
GOALS = [("goal: ½ × baseline", "#c0392b", "baseline", 0.5), ("goal: 3.5 × floor", "#777", "floor", 3.5)]
WIDTH, HEIGHT, LEFT, BOTTOM, TOP, RIGHT = 660, 380, 60, 46, 18, 180


def nice_ticks(low: float, high: float) -> list[float]:
    """Return 1-2-5 ticks from low to high."""
    ticks, decade = [], 10 ** math.floor(math.log10(low))
    while decade <= high:
        ticks += [decade * m for m in (1, 2, 5) if low <= decade * m <= high]
        decade *= 10
    return ticks


def svg(runs: list[dict]) -> str:
    """Return the chart of the runs' whole-build seconds against offers (log–log)."""
    points = {key: [(r["offers"], r[key]["seconds"]) for r in runs if r.get(key)] for _, _, key in SERIES}
    goals = {label: [(n, s * factor) for n, s in points[key]] for label, _, key, factor in GOALS}
    values = [s for series in [*points.values(), *goals.values()] for _, s in series]
    if not values:
        return '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>\n'
    xs = sorted({r["offers"] for r in runs})
    xlo, xhi = xs[0] / 1.3, xs[-1] * 1.3
    ylo, yhi = 10 ** math.floor(math.log10(min(values))), 10 ** math.ceil(math.log10(max(values)))
    x = lambda n: LEFT + (WIDTH - LEFT - RIGHT) * math.log(n / xlo) / math.log(xhi / xlo)
    y = lambda s: HEIGHT - BOTTOM - (HEIGHT - BOTTOM - TOP) * math.log(s / ylo) / math.log(yhi / ylo)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
             'font-family="sans-serif" font-size="12" role="img" aria-label="Build time against number of offers, log-log">',
             f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>']
    for s in nice_ticks(ylo, yhi):
        parts += [f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(s):.1f}" y2="{y(s):.1f}" stroke="#ddd"/>',
                  f'<text x="{LEFT - 6}" y="{y(s) + 4:.1f}" text-anchor="end">{s:g}</text>']
    for n in xs:
        parts += [f'<line x1="{x(n):.1f}" x2="{x(n):.1f}" y1="{TOP}" y2="{HEIGHT - BOTTOM}" stroke="#eee"/>',
                  f'<text x="{x(n):.1f}" y="{HEIGHT - BOTTOM + 16}" text-anchor="middle">{n:,}</text>']
    parts += [f'<text x="{(LEFT + WIDTH - RIGHT) / 2}" y="{HEIGHT - 8}" text-anchor="middle">offers (log)</text>',
              f'<text x="14" y="{(HEIGHT - BOTTOM) / 2}" transform="rotate(-90 14 {(HEIGHT - BOTTOM) / 2})" '
              'text-anchor="middle">seconds, whole build (log)</text>']
    for i, (label, colour, _, _) in enumerate(GOALS, start=len(SERIES)):
        line = " ".join(f"{x(n):.1f},{y(s):.1f}" for n, s in goals[label])
        parts.append(f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="1.5" stroke-dasharray="5 4"/>')
        parts.append(f'<line x1="{WIDTH - RIGHT + 14}" x2="{WIDTH - RIGHT + 28}" y1="{TOP + 20 * i + 4}" y2="{TOP + 20 * i + 4}" '
                     f'stroke="{colour}" stroke-width="1.5" stroke-dasharray="4 3"/><text x="{WIDTH - RIGHT + 34}" y="{TOP + 20 * i + 8}">{label}</text>')
    for i, (label, colour, key) in enumerate(SERIES):
        line = " ".join(f"{x(n):.1f},{y(s):.1f}" for n, s in points[key])
        parts.append(f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2"/>')
        parts += [f'<circle cx="{x(n):.1f}" cy="{y(s):.1f}" r="3" fill="{colour}"><title>{label}: {n:,} offers, {s:.1f} s</title></circle>'
                  for n, s in points[key]]
        parts.append(f'<rect x="{WIDTH - RIGHT + 14}" y="{TOP + 20 * i + 2}" width="14" height="4" fill="{colour}"/>'
                     f'<text x="{WIDTH - RIGHT + 34}" y="{TOP + 20 * i + 8}">{label}</text>')
    return "\n".join(parts + ["</svg>", ""])
