"""The figure on screen: where it shows, when it animates, how it is drawn and mirrored."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication

from psoas_desktop.core.figure_motion import FigureFrame
from psoas_desktop.core.poses import builtin_figures
from psoas_desktop.core.timeline import StepKind
from psoas_desktop.ui import figure_view
from psoas_desktop.ui.figure_painter import colours, paint_figure
from psoas_desktop.ui.figure_sheet import render_frame
from psoas_desktop.ui.figure_size import MIN_WIDTH, figure_width
from psoas_desktop.ui.figure_view import FIGURE_FPS


def _advance(window, clock, seconds: float) -> None:
    while seconds > 1e-9:
        step = min(0.5, seconds)
        clock.advance(step)
        seconds -= step
        window.controller.wake()
    QApplication.processEvents()


def _to_effort(window, clock) -> None:
    window.choose_routine("psoas-stretch")
    window.start_session()
    window.controller.jump_to_exercise(3)  # the lunge: paced reps of 4 s
    _advance(window, clock, 20)  # past its get ready
    assert window.session.step.kind is StepKind.WORK


def test_get_ready_shows_the_start_pose_in_the_guide(window, clock) -> None:
    window.resize(1280, 800)
    window.start_session()
    QApplication.processEvents()
    page = window.session_page
    figure = builtin_figures().figures["hip-flexor-ball-release"]
    assert page.guide_figure.isVisible()
    assert page.guide_figure.frame().pose == figure.pose("start")
    assert not page.figure.isVisible()  # one figure: the guide's, while the guide shows
    assert not page.guide_figure.animating()  # get ready is still


def test_during_effort_the_figure_moves_in_the_guide(window, clock) -> None:
    window.resize(1280, 800)
    _to_effort(window, clock)
    view = window.session_page.guide_figure
    assert view.isVisible() and view.animating()
    before = view.frame().pose
    _advance(window, clock, 1.5)
    assert view.frame().pose != before  # in on the first beat


def test_fullscreen_puts_the_figure_beside_the_countdown(window, clock) -> None:
    _to_effort(window, clock)
    window.set_fullscreen(True)
    _advance(window, clock, 0.5)
    page = window.session_page
    assert not page.guide.isVisible()
    assert page.figure.isVisible() and page.figure.width() >= MIN_WIDTH
    assert page.figure.width() < page.countdown.width()
    assert page.figure.animating()


def test_motion_off_means_a_still_pose_and_no_timer(window, clock, settings) -> None:
    window.resize(1280, 800)
    _to_effort(window, clock)
    settings.figure_motion = False
    view = window.session_page.guide_figure
    assert not view.animating()
    still = view.frame().pose
    _advance(window, clock, 3)
    assert view.frame().pose == still
    assert not view.animating()
    settings.figure_motion = True
    assert view.animating()


def test_a_settled_hold_needs_no_timer_and_nothing_runs_when_paused(window, clock) -> None:
    window.resize(1280, 800)
    window.start_session()
    window.controller.jump_to_exercise(1)  # the glute squeeze: holds of 5 s
    _advance(window, clock, 20)  # its get ready
    view = window.session_page.guide_figure
    assert window.session.step.kind is StepKind.HOLD
    assert view.animating()  # settling into the squeeze
    _advance(window, clock, 2)
    assert not view.animating()  # held still: no frames to draw
    _advance(window, clock, 3.5)  # the rest after it: settles back, then still
    window.controller.pause()
    assert not view.animating()


def test_a_minute_long_step_keeps_the_room_for_its_wider_digits(window, clock) -> None:
    window.resize(1280, 800)
    window.start_session()
    _advance(window, clock, 10)  # the ball release: "1:00" needs more width than "45"
    window.set_fullscreen(True)
    _advance(window, clock, 0.5)
    page = window.session_page
    assert page.figure.width() == 0 or page.figure.width() < 0.2 * page.width()
    assert figure_width(1900, 1000, 2.3, 48) >= MIN_WIDTH  # a large screen: room for both


def test_a_small_window_gives_the_figure_up_before_the_digits() -> None:
    per_pixel, margins = 1.47, 48
    assert figure_width(400, 390, per_pixel, margins) == 0  # the smallest window
    wide = figure_width(1600, 900, per_pixel, margins)
    assert wide >= 500  # fullscreen: both large
    assert 1600 - wide >= 900 * 0.5 * per_pixel + margins  # the digits keep their room
    assert figure_width(964, 668, per_pixel, margins) <= 0.45 * 964


def _ink(image: QImage, colour: QColor) -> list[tuple[int, int]]:
    return [(x, y) for y in range(0, image.height(), 2) for x in range(0, image.width(), 2)
            if QColor(image.pixel(x, y)).rgb() == colour.rgb()]


def test_the_working_limb_is_drawn_in_the_accent_colour_and_the_mirror_is_exact() -> None:
    figure = builtin_figures().figures["kneeling-hip-flexor-stretch"]
    palette = colours(False)
    right = render_frame(FigureFrame(figure, figure.pose("hold"), 1.0), 240, 180)
    left = render_frame(FigureFrame(figure, figure.pose("hold"), -1.0), 240, 180)
    accent = _ink(right, palette.accent)
    assert len(accent) > 50
    flipped = right.flipped(Qt.Orientation.Horizontal)
    differing = sum(1 for y in range(180) for x in range(240)
                    if abs(QColor(flipped.pixel(x, y)).lightness()
                           - QColor(left.pixel(x, y)).lightness()) > 40)
    assert differing < 0.01 * 240 * 180  # the same picture, flipped (antialiasing aside)


def test_the_figure_reads_on_light_and_dark_windows() -> None:
    for dark in (False, True):
        palette = colours(dark)
        background = palette.outline
        for part in (palette.body, palette.accent):
            assert abs(part.lightness() - background.lightness()) > 60, (dark, part.name())
        assert palette.far != palette.body and palette.accent_far != palette.accent


def test_a_prop_that_belongs_to_one_pose_only_shows_there() -> None:
    figure = builtin_figures().figures["standing-slumpy-psoas"]
    image = QImage(240, 180, QImage.Format.Format_ARGB32)
    dumbbell = colours(False).prop.darker(150)

    def count(key: str) -> int:
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        paint_figure(painter, QRectF(0, 0, 240, 180),
                     FigureFrame(figure, figure.pose(key), 1.0, key), colours(False))
        painter.end()
        return len(_ink(image, dumbbell))

    assert count("start") == 0 and count("hold") > 0


def test_the_start_page_shows_a_picture_per_exercise_and_what_you_need(window) -> None:
    panel = window.start_panel
    assert all(not row.thumb.pixmap().isNull() for row in panel.rows.values())
    assert panel.equipment.text().startswith("You need: a mat, a massage ball, a wall")


def test_side_words_show_under_the_badge(window, clock) -> None:
    window.start_session()
    QApplication.processEvents()
    words = window.countdown.side_words
    assert words.isVisible()
    assert words.text() == "Ball on the front of the left hip, left foot slides"


def _count_paints(monkeypatch) -> list[int]:
    painted = []
    real = figure_view.paint_figure

    def counting(*args, **kwargs):
        painted.append(1)
        real(*args, **kwargs)

    monkeypatch.setattr(figure_view, "paint_figure", counting)
    return painted


def test_reps_wake_the_figure_at_most_ten_times_a_second(window, clock) -> None:
    window.resize(1280, 800)
    _to_effort(window, clock)
    view = window.session_page.guide_figure
    for _ in range(8):  # fast and slow moments of the lunge's beats
        clock.advance(0.25)
        window.controller.wake()
        view._tick()
        assert view._timer.interval() >= 1000 // FIGURE_FPS
    assert FIGURE_FPS <= 12


def test_a_still_figure_is_not_repainted_each_second_the_session_moves(
        window, clock, monkeypatch) -> None:
    window.resize(1280, 800)
    window.start_session()
    window.controller.jump_to_exercise(1)  # the glute squeeze: holds of 5 s
    _advance(window, clock, 22.5)  # its get ready, then settled into the first hold
    view = window.session_page.guide_figure
    assert window.session.step.kind is StepKind.HOLD and not view.animating()
    painted = _count_paints(monkeypatch)
    _advance(window, clock, 2)  # the digits change twice; the figure is still
    assert painted == []
    view.resize(view.width() - 40, view.height())  # a new size is drawn again
    QApplication.processEvents()
    assert painted


def test_a_tick_repaints_only_the_moving_part_and_the_paint_reuses_its_frame(
        window, clock, monkeypatch) -> None:
    window.resize(1280, 800)
    _to_effort(window, clock)
    view = window.session_page.guide_figure
    QApplication.processEvents()
    asked = []
    monkeypatch.setattr(view, "update", lambda *rect: asked.append(rect))
    clock.advance(0.3)
    view._tick()
    assert asked and asked[0] and asked[0][0].width() < view.width()  # a strip, not all
    ready = view._ready
    assert ready is not None and ready[1] != view._painted
    assert view.testAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)  # no page behind


def test_a_creeping_figure_wakes_about_once_a_pixel_and_at_least_twice_a_second(
        window, clock, monkeypatch) -> None:
    window.resize(1280, 800)
    window.choose_routine("strength-then-stretch")  # a breath-led warm-up: a slow loop
    window.start_session()
    window.controller.next()  # past get ready, into the warm-up itself
    view = window.session_page.guide_figure
    assert view.isVisible() and view.animating()
    monkeypatch.setattr(figure_view.time, "monotonic", clock)  # the tick's speed, on the clock
    waits = []
    while sum(waits) < 20_000:
        waits.append(view._timer.interval())
        clock.advance(waits[-1] / 1000)
        window.controller.wake()
        view._tick()
    assert max(waits) <= 1000 // figure_view.CRAWL_FPS  # never late by more than half a second
    assert min(waits) >= 1000 // FIGURE_FPS
    assert len(waits) / 20 < figure_view.IDLE_FPS  # slower than the still-figure floor


def test_the_hidden_figure_works_nothing_out_and_catches_up_when_shown(
        window, clock, monkeypatch) -> None:
    window.resize(1280, 800)
    _to_effort(window, clock)
    page = window.session_page
    hidden = page.figure  # beside the countdown: hidden while the guide shows its own
    assert not hidden.isVisible()
    asked = []
    real = hidden.frame
    monkeypatch.setattr(hidden, "frame", lambda: asked.append(1) or real())
    _advance(window, clock, 3)  # three seconds
    window.controller.next()  # and a new step
    QApplication.processEvents()
    assert asked == [] and not hidden.animating()
    window.set_fullscreen(True)  # the guide goes, the figure beside the countdown shows
    _advance(window, clock, 0.5)
    assert asked and hidden.isVisible() and hidden.animating()
    frame = real()
    assert frame is not None and hidden.toolTip() == frame.figure.id.replace("-", " ") != ""


def test_a_new_second_leaves_a_moving_figure_to_its_timer(window, clock, monkeypatch) -> None:
    window.resize(1280, 800)
    _to_effort(window, clock)
    view = window.session_page.guide_figure
    assert view.animating()
    asked = []
    real = figure_view.frame_for
    monkeypatch.setattr(figure_view, "frame_for",
                        lambda *args: asked.append(args[3]) or real(*args))
    view.show_session(window.session)  # the same step: its timer follows it already
    assert asked == []
    view._tick()
    assert len(asked) == 1
    window.controller.next()  # a new step is worked out at once
    assert len(asked) >= 2
