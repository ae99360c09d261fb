"""shapes.py's TypedDicts (what the stages build, checked by mypy) against outputs/models.py's pydantic
models (the contract, checked at the edge): every shape names exactly its model's fields, in its order,
and a field the stages may leave null is one the contract allows to be null (the stages may be stricter:
they always fill ``sections[].heading_span``, which the contract's 1.2 addition leaves optional)."""
import types
import typing

import pytest
from pydantic import BaseModel

from xuncha_parse import shapes
from xuncha_parse.outputs import models

#: each shape and the model it mirrors; SourceDict's ``page`` stays a plain dict (the model is Page)
PAIRS = [
    (shapes.SpanDict, models.Span), (shapes.DateDict, models.Date), (shapes.DiagnosticDict, models.Diagnostic),
    (shapes.SourceDict, models.SourceInfo), (shapes.InspectionDict, models.Inspection),
    (shapes.DeclaredDict, models.Declared), (shapes.ItemDict, models.Item), (shapes.EntityDict, models.Entity),
    (shapes.TopicDict, models.Topic), (shapes.ProblemDict, models.Problem), (shapes.SectionDict, models.Section),
    (shapes.ContactDict, models.Contact), (shapes.PublicityDict, models.Publicity),
    (shapes.SignatureDict, models.Signature), (shapes.CorrectionDict, models.Correction),
    (shapes.EvidenceDict, models.Evidence), (shapes.NoticeDict, models.Notice),
]


def nullable(annotation: object) -> bool:
    """Whether a type admits None (``Optional[X]``, ``X | None``, ``Any``)."""
    if annotation is typing.Any:
        return True
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return type(None) in typing.get_args(annotation)
    return annotation is type(None)


def differences(shape: type, model: type[BaseModel]) -> list[str]:
    """What a shape and its model disagree on: a field on one side only, the order, or a null the model refuses."""
    hints = typing.get_type_hints(shape)
    fields = model.model_fields
    out = [f"{name} only in {shape.__name__}" for name in hints if name not in fields]
    out += [f"{name} only in {model.__name__}" for name in fields if name not in hints]
    if not out and list(hints) != list(fields):
        out.append(f"order: {list(hints)} != {list(fields)}")
    out += [f"{name}: null in {shape.__name__} only" for name in hints
            if name in fields and nullable(hints[name]) and not nullable(fields[name].annotation)]
    return out


def test_every_shape_is_paired_with_a_model():
    typed = {v for v in vars(shapes).values() if typing.is_typeddict(v)}
    assert typed == {shape for shape, _ in PAIRS}


@pytest.mark.parametrize("shape,model", PAIRS, ids=[s.__name__ for s, _ in PAIRS])
def test_each_shape_names_exactly_its_models_fields(shape, model):
    assert differences(shape, model) == []


def test_a_field_added_to_one_side_only_is_found():
    class Wider(models.Span):
        width: int

    class Nullable(typing.TypedDict):
        start: int | None
        end: int
        line_start: int
        line_end: int

    assert differences(shapes.SpanDict, Wider) == ["width only in Wider"]
    assert differences(Nullable, models.Span) == ["start: null in Nullable only"]
    narrower = typing.TypedDict("Narrower", {"start": int, "end": int, "line_start": int})
    assert differences(narrower, models.Span) == ["line_end only in Span"]
