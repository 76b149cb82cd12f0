"""Draws one FigureFrame with a QPainter: props, a mannequin of rounded limbs, a highlight.

Shared by the live widget and the PNG writer. It computes nothing about the exercise: the
joint positions come from core.skeleton, the mirroring is a QTransform scaled by `facing`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPen,
    QPixmap,
    QRadialGradient,
    QTransform,
)

from psoas_desktop.core.figure_motion import FigureFrame
from psoas_desktop.core.figure_views import drawn_points
from psoas_desktop.core.poses import Figure, Prop
from psoas_desktop.core.skeleton import HEAD_RADIUS, Point, mirrored

# Limb thickness, in body heights.
WIDTHS = {"thigh": 0.078, "shin": 0.062, "foot": 0.04, "upper_arm": 0.052, "forearm": 0.044,
          "pelvis": 0.13, "chest": 0.135, "neck": 0.045}
LYING_WIDTH = 1.4  # the trunk lying on one side: its width across the hips and shoulders
OUTLINE = 0.018
GLOW_RADIUS = 0.11  # the highlight's reach, and so the widest a moving part paints


@dataclass(frozen=True)
class Colours:
    body: QColor
    far: QColor
    accent: QColor
    accent_far: QColor
    prop: QColor
    mat: QColor
    highlight: QColor
    outline: QColor  # the background: a thin gap where a near limb crosses the body


def colours(dark: bool, background: QColor | None = None) -> Colours:
    """Mid-tone limbs that read on a light or a dark window; the far side a shade fainter.
    `background`: what the figure is drawn on (the outline between limbs takes it)."""
    chosen = _colours(dark)
    if background is None:
        return chosen
    return replace(chosen, outline=QColor(background))


def _colours(dark: bool) -> Colours:
    if dark:
        return Colours(QColor("#b8c4d2"), QColor("#6d7b8c"), QColor("#ff9a3c"),
                       QColor("#b8652a"), QColor("#8d99a8"), QColor("#3b5e7a"),
                       QColor(255, 90, 90, 120), QColor("#1f2328"))
    return Colours(QColor("#4b5a6c"), QColor("#a7b3c2"), QColor("#e8590c"),
                   QColor("#f4a675"), QColor("#7c8796"), QColor("#9cc3dd"),
                   QColor(230, 40, 40, 90), QColor("#ffffff"))


@cache
def figure_bounds(figure: Figure) -> QRectF:
    """A box that holds every key pose and prop of the figure, either way round: the scale
    stays the same while it moves and when it turns."""
    xs: list[float] = []
    ys: list[float] = []
    for pose in figure.poses.values():
        points = drawn_points(figure.view, pose)
        for x, y in [*points.values(), *mirrored(points).values()]:
            xs.append(x)
            ys.append(y)
        for prop in figure.props:
            for x, y in _prop_extent(prop, points):
                xs.extend((x, -x))
                ys.append(y)
    pad = 0.09
    return QRectF(min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad,
                  max(ys) - min(ys) + 2 * pad)


def frame_scale(frame: FigureFrame, target: QRectF) -> float:
    """Device pixels per body height when `frame` is fitted into `target`."""
    box = figure_bounds(frame.figure)
    return min(target.width() / box.width(), target.height() / box.height())


def world_transform(frame: FigureFrame, target: QRectF) -> QTransform:
    """Body coordinates (y up) to device pixels: the figure's box centred in `target`. The
    box is symmetric about x = 0, so scaling x by `facing` mirrors the figure in place."""
    box = figure_bounds(frame.figure)
    scale = frame_scale(frame, target)
    world = QTransform()
    world.translate(target.center().x(), target.center().y())
    world.scale(scale * frame.facing, -scale)
    world.translate(-box.center().x(), -box.center().y())
    return world


def _prop_extent(prop: Prop, points: dict[str, Point]) -> list[Point]:
    base = _prop_at(prop, points)
    if prop.kind == "mat":
        return [(prop.span[0], base[1] - (prop.height or 0.025)), (prop.span[1], base[1])]
    if prop.kind == "bench":
        return [(prop.span[0], 0.0), (prop.span[1], prop.height or 0.45)]
    if prop.kind == "wall":
        return [(base[0], 0.0), (base[0], prop.height or 1.1)]
    if prop.kind == "band":
        return [prop.anchor, base]
    return [base]


def _prop_at(prop: Prop, points: dict[str, Point]) -> Point:
    x, y = points.get(prop.at, (0.0, 0.0)) if prop.at else (0.0, 0.0)
    return (x + prop.offset[0], y + prop.offset[1])


def paint_figure(painter: QPainter, target: QRectF, frame: FigureFrame, palette: Colours,
                 show_highlight: bool = True) -> None:
    """Draw `frame` fitted into `target` (device pixels), mirrored by its facing."""
    figure = frame.figure
    world = world_transform(frame, target)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setTransform(world, True)
    points = drawn_points(figure.view, frame.pose)
    shown = [p for p in figure.props if not p.poses or frame.key in p.poses]
    # A ball on the mat lies under the body (face down on it); one on a joint sits on top.
    behind = [p for p in shown if p.kind in ("mat", "wall", "bench", "cushion")
              or (p.kind == "ball" and not p.at)]
    front = [p for p in shown if p not in behind]
    for prop in behind:
        _paint_prop(painter, prop, points, palette)
    if show_highlight and figure.highlight is not None:
        _paint_highlight(painter, figure, points, palette)
    order = ("far.arm", "far.leg", "trunk", "near.leg", "near.arm")
    for part in order:
        if part.startswith("near"):  # a hair apart from what they cross (half the cost of
            _paint_part(painter, part, figure, points, palette, outline=True)  # every part)
        _paint_part(painter, part, figure, points, palette)
    for prop in front:
        _paint_prop(painter, prop, points, palette)
    painter.restore()


def _pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def _line(painter: QPainter, a: Point, b: Point, colour: QColor, width: float) -> None:
    painter.setPen(_pen(colour, width))
    painter.drawLine(QPointF(*a), QPointF(*b))


def _part_colour(part: str, figure: Figure, palette: Colours) -> QColor:
    far = part.startswith("far")
    if part in figure.works:
        # Lying on one side the bottom limbs are no farther from the viewer, only lower: a
        # working bottom leg takes the full accent, so the side that works is unmistakable.
        return palette.accent_far if far and figure.view != "side_lying" else palette.accent
    return palette.far if far else palette.body


def _paint_part(painter: QPainter, part: str, figure: Figure, points: dict[str, Point],
                palette: Colours, outline: bool = False) -> None:
    """One body part; with `outline`, its silhouette a little wider in the background colour
    (drawn first, so overlapping limbs stay apart)."""
    colour = palette.outline if outline else _part_colour(part, figure, palette)
    extra = OUTLINE if outline else 0.0
    p = points
    if part == "trunk":
        # Lying on one side, the trunk shows its width (hip to hip), not its depth.
        wide = LYING_WIDTH if figure.view == "side_lying" else 1.0
        _line(painter, p["hip"], p["waist"], colour, WIDTHS["pelvis"] * wide + extra)
        _line(painter, p["waist"], p["shoulder"], colour, WIDTHS["chest"] * wide + extra)
        _line(painter, p["shoulder"], p["head"], colour, WIDTHS["neck"] + extra)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        radius = HEAD_RADIUS + extra / 2
        painter.drawEllipse(QPointF(*p["head"]), radius, radius)
        return
    side, kind = part.split(".")
    if kind == "leg":
        _line(painter, p[f"{side}.hip"], p[f"{side}.knee"], colour, WIDTHS["thigh"] + extra)
        _line(painter, p[f"{side}.knee"], p[f"{side}.ankle"], colour, WIDTHS["shin"] + extra)
        _line(painter, p[f"{side}.heel"], p[f"{side}.toe"], colour, WIDTHS["foot"] + extra)
    else:
        _line(painter, p[f"{side}.shoulder"], p[f"{side}.elbow"], colour,
              WIDTHS["upper_arm"] + extra)
        _line(painter, p[f"{side}.elbow"], p[f"{side}.hand"], colour, WIDTHS["forearm"] + extra)


def _paint_highlight(painter: QPainter, figure: Figure, points: dict[str, Point],
                     palette: Colours) -> None:
    """A soft glow over the muscle the exercise targets: the front of the hip (iliopsoas,
    from the low back to the inner thigh) or the buttock behind the hip."""
    light = figure.highlight
    assert light is not None
    hip, waist = points[f"{light.side}.hip"], points["waist"]
    knee = points[f"{light.side}.knee"]
    # The trunk's front: the pelvis direction turned a quarter towards +x; lying on one side
    # it faces the viewer, drawn lower.
    dx, dy = waist[0] - hip[0], waist[1] - hip[1]
    length = max((dx * dx + dy * dy) ** 0.5, 1e-6)
    front = (0.0, -1.0) if figure.view == "side_lying" else (dy / length, -dx / length)
    sign = 1.0 if light.muscle == "hip_flexor" else -1.0
    thigh = ((knee[0] - hip[0]) * 0.25, (knee[1] - hip[1]) * 0.25)
    centre = QPointF(hip[0] + front[0] * 0.05 * sign + thigh[0],
                     hip[1] + front[1] * 0.05 * sign + thigh[1])
    # A gradient fill costs milliseconds a frame at this size: blit a ready-made glow instead.
    world = painter.worldTransform()
    at = world.map(centre)
    radius = max(2, round(GLOW_RADIUS * abs(world.m22())))
    painter.save()
    painter.resetTransform()
    painter.drawPixmap(round(at.x()) - radius, round(at.y()) - radius,
                       _glow(radius, palette.highlight.rgba()))
    painter.restore()


@cache
def _glow(radius: int, rgba: int) -> QPixmap:
    """A soft round glow, `radius` pixels, fading from the colour to clear."""
    pixmap = QPixmap(2 * radius, 2 * radius)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    centre = QPointF(radius, radius)
    glow = QRadialGradient(centre, radius)
    colour = QColor.fromRgba(rgba)
    glow.setColorAt(0.0, colour)
    edge = QColor(colour)
    edge.setAlpha(0)
    glow.setColorAt(1.0, edge)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(glow))
    painter.drawEllipse(centre, radius, radius)
    painter.end()
    return pixmap


def _faded(colour: QColor) -> QColor:
    faded = QColor(colour)
    faded.setAlpha(90)
    return faded


def _paint_prop(painter: QPainter, prop: Prop, points: dict[str, Point],
                palette: Colours) -> None:
    x, y = _prop_at(prop, points)
    painter.setPen(Qt.PenStyle.NoPen)
    if prop.kind == "mat":
        thick = prop.height or 0.025
        # Seen from above, the mat is a floor the far limbs lie on: a paler tone of it.
        painter.setBrush(palette.mat if thick < 0.1 else _faded(palette.mat))
        painter.drawRoundedRect(QRectF(prop.span[0], y - thick, prop.span[1] - prop.span[0],
                                       thick), 0.012, 0.012)
    elif prop.kind == "wall":
        painter.setBrush(palette.prop)
        painter.drawRect(QRectF(x, 0.0, 0.05 if x >= 0 else -0.05, prop.height or 1.1))
    elif prop.kind == "bench":
        painter.setBrush(palette.prop)
        top = prop.height or 0.45
        painter.drawRoundedRect(QRectF(prop.span[0], top - 0.06, prop.span[1] - prop.span[0],
                                       0.06), 0.015, 0.015)
        for leg in (prop.span[0] + 0.04, prop.span[1] - 0.07):
            painter.drawRect(QRectF(leg, 0.0, 0.03, top - 0.06))
    elif prop.kind == "cushion":
        painter.setBrush(palette.mat.darker(115))
        painter.drawRoundedRect(QRectF(x - 0.06, y, 0.12, 0.035), 0.015, 0.015)
    elif prop.kind == "ball":
        radius = (prop.height or 0.07) / 2
        painter.setBrush(QColor("#d23c3c"))
        painter.drawEllipse(QPointF(x, y), radius, radius)
    elif prop.kind == "weight":
        size = prop.height or 0.06
        painter.setBrush(palette.prop.darker(150))
        painter.drawRoundedRect(QRectF(x - size, y, 2 * size, size * 0.7), 0.01, 0.01)
    elif prop.kind == "dumbbell":
        painter.setBrush(palette.prop.darker(150))
        painter.drawRect(QRectF(x - 0.06, y - 0.008, 0.12, 0.016))
        for end in (x - 0.075, x + 0.05):
            painter.drawRoundedRect(QRectF(end, y - 0.035, 0.025, 0.07), 0.006, 0.006)
    elif prop.kind == "block":
        size = prop.height or 0.1
        painter.setBrush(QColor("#8e6bbf"))
        painter.drawRoundedRect(QRectF(x - size * 0.6, y, size * 1.2, size), 0.01, 0.01)
    elif prop.kind == "band":
        _line(painter, prop.anchor, (x, y), QColor("#2f9e44"), 0.018)
        painter.setBrush(palette.prop.darker(130))
        painter.drawRect(QRectF(prop.anchor[0] - 0.025, 0.0, 0.05, prop.anchor[1] + 0.02))
