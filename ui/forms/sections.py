"""Builds the sections of the registration form (and the amend dialog's editors) from the field table."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QVBoxLayout

from app.domain.text_limits import intake_limit
from app.domain.vocabulary import RespondentKind, choices
from app.messages import override_checkbox
from app.services.reference import bodies_in_scope, departments_in_scope
from ui.context import UiContext
from ui.forms.field_grid import FieldGrid, FieldRow
from ui.forms.inputs import (
    CheckInput,
    ChoiceInput,
    DateInput,
    FieldInput,
    LineInput,
    OptionalDateInput,
    TextInput,
)
from ui.forms.intake_fields import SECTIONS, FieldSpec, Section, tr
from ui.widgets.completer import PinyinCompleter

LINE_KINDS = ("name", "text", "title", "credit_code", "opt_credit_code", "phone", "citizen_id", "money",
              "override_reason", "body", "department")


def region_choices(ctx: UiContext) -> list[tuple[str, str]]:
    """Regions the office may register complaints in: its county, or the prefecture and its counties."""
    regions = ctx.profile.regions
    office = regions.get(ctx.profile.office.region_code)
    if office.level == "county":
        return [(office.code, office.name)]
    result = [(office.code, QCoreApplication.translate("IntakeFields", "%1 (prefecture level)").replace("%1", office.name))]
    result += [(r.code, r.name) for r in regions.counties(office.code)]
    return result


def make_input(spec: FieldSpec, ctx: UiContext, today: date) -> FieldInput:
    """The widget for one intake field (with its completer where the field has reference data)."""
    placeholder = tr(spec.placeholder) if spec.placeholder else ""
    if spec.kind in LINE_KINDS:
        field = LineInput(placeholder, max_length=30 if "code" in spec.kind or spec.kind == "phone" else 200)
        scope = ctx.profile.office.region_code
        if spec.kind == "body":
            names = [b.name for b in bodies_in_scope(scope)]
            field.completer = PinyinCompleter(names, field.edit)
        elif spec.kind == "department":
            field.completer = PinyinCompleter(departments_in_scope(scope), field.edit)
        return field
    if spec.kind == "long":
        return TextInput(placeholder)
    if spec.kind == "choice":
        assert spec.enum is not None
        if spec.enum is RespondentKind:
            field = ChoiceInput(choices(spec.enum), placeholder=False)
            field.set_value(RespondentKind.ORGAN.value)
            return field
        return ChoiceInput(choices(spec.enum))
    if spec.kind == "region":
        options = region_choices(ctx)
        field = ChoiceInput(options, placeholder=len(options) > 1)
        if len(options) == 1:
            field.set_value(options[0][0])
        return field
    if spec.kind == "past_date":
        return DateInput(today, maximum=today)
    if spec.kind == "opt_past_date":
        return OptionalDateInput(maximum=today, suggested=today)
    if spec.kind == "override":
        # the text the core's message names (“请勾选‘确认代码无误’”): one source, so they always agree
        return CheckInput(override_checkbox())
    raise ValueError(f"unknown field kind {spec.kind!r}")


def build_section(section: Section, ctx: UiContext, today: date) -> tuple[QGroupBox, dict[str, FieldRow]]:
    box = QGroupBox(tr(section.title))
    layout = QVBoxLayout(box)
    grid = FieldGrid()
    layout.addWidget(grid)
    rows = {}
    for spec in section.fields:
        label = "" if spec.kind == "override" else tr(spec.label)
        rows[spec.path] = grid.add(spec.path, label, make_input(spec, ctx, today), spec.required)
        if spec.kind == "long":
            rows[spec.path].set_limit(intake_limit(spec.path))  # “已输入 N / 上限 字”, the core's limit
        if spec.kind == "override":
            rows[spec.path].set_note(QCoreApplication.translate(
                "IntakeFields", "The check character does not match, but the code is confirmed correct (early pilot "
                "code)"))
    box.grid = grid
    return box, rows


def build_sections(ctx: UiContext, today: date) -> tuple[list[QGroupBox], dict[str, FieldRow]]:
    boxes, rows = [], {}
    for section in SECTIONS:
        box, section_rows = build_section(section, ctx, today)
        boxes.append(box)
        rows.update(section_rows)
    align_labels(list(rows.values()))
    return boxes, rows


def align_labels(rows: list[FieldRow]) -> None:
    """One label width for all sections, so the inputs line up down the whole form."""
    width = max((row.label.sizeHint().width() for row in rows), default=0)
    for row in rows:
        row.label.setMinimumWidth(width)
