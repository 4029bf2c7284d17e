"""The file formats reject what they do not know, with precise errors."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from marrowchat.core import models as m


def test_unknown_key_is_rejected() -> None:
    with pytest.raises(ValidationError) as err:
        m.Finding.model_validate({"id": "fever", "label": "Fever", "section": "symptoms", "synonym": ["x"]})
    assert err.value.errors()[0]["type"] == "extra_forbidden"


def test_dialog_node_kind_is_a_discriminator() -> None:
    adapter = TypeAdapter(m.DialogNode)
    with pytest.raises(ValidationError) as err:
        adapter.validate_python({"id": "a", "section": "labs", "prompt": "Hb?", "why": "why", "kind": "number"})
    errors = err.value.errors()
    assert len(errors) == 1 and errors[0]["loc"] == ("number", "finding")


def test_predicate_errors_name_the_shapes() -> None:
    adapter = TypeAdapter(m.Predicate)
    with pytest.raises(ValidationError) as err:
        adapter.validate_python({"presnt": "fever"})
    assert "{present: id}" in str(err.value)
    ok = adapter.validate_python({"all": [{"present": "a"}, {"not": {"absent": "b"}}, {"value": "hb", "op": "lt", "at": 9}]})
    assert isinstance(ok, m.AllOf)


def test_ids_are_snake_case() -> None:
    with pytest.raises(ValidationError):
        m.Finding.model_validate({"id": "Fever-1", "label": "Fever", "section": "symptoms"})


def test_likelihood_ratios_must_be_positive() -> None:
    with pytest.raises(ValidationError):
        m.Evidence.model_validate({"finding": "fever", "lr_present": 0, "source": "S1"})


def test_every_format_exports_a_json_schema() -> None:
    import jsonschema

    for model in (m.FindingsFile, m.Condition, m.RedFlagsFile, m.DialogTree, m.LanguageFile, m.ReplayScript, m.Case):
        schema = model.model_json_schema(by_alias=True)
        jsonschema.Draft202012Validator.check_schema(schema)
