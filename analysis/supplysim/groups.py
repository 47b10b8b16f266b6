"""The groups a measure is disaggregated by (`/groups` for worker measures, `/firm_groups` for firm
measures): single dimensions such as ("country", "bangladesh") and crossings such as
("country*gender", "bangladesh*female"), components in the order the scenario wrote them.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .errors import AnalysisError
from .hdf5 import text

CROSS = "*"


@dataclass(frozen=True)
class Group:
    dimension: str
    value: str

    @property
    def components(self) -> tuple:
        """((dimension, value), ...): one pair for a single dimension, one per component of a crossing."""
        return tuple(zip(self.dimension.split(CROSS), self.value.split(CROSS)))

    @property
    def is_all(self) -> bool:
        return self.dimension == "all"

    @property
    def label(self) -> str:
        """'all', 'country=bangladesh', or 'country=bangladesh, gender=female' for a crossing."""
        return "all" if self.is_all else ", ".join(f"{d}={v}" for d, v in self.components)


def parse_selector(spec: str) -> dict:
    """A group as a user writes it -> {dimension: value}: 'all', 'gender=female',
    'country=bangladesh, gender=female' or 'country*gender=bangladesh*female'."""
    spec = spec.strip()
    if spec == "all":
        return {}
    if "=" not in spec:
        raise AnalysisError(f"group {spec!r} should look like dimension=value, e.g. gender=female or "
                            "country*gender=bangladesh*female")
    head, _, tail = spec.partition("=")
    if CROSS in head:
        dims, values = head.split(CROSS), tail.split(CROSS)
        if len(dims) != len(values):
            raise AnalysisError(f"group {spec!r}: {len(dims)} dimensions but {len(values)} values")
        return {d.strip(): v.strip() for d, v in zip(dims, values)}
    out = {}
    for part in spec.split(","):
        d, eq, v = part.partition("=")
        if not eq:
            raise AnalysisError(f"group {spec!r}: {part.strip()!r} should look like dimension=value")
        out[d.strip()] = v.strip()
    return out


class GroupTable:
    """One table of groups, as read from the file (`name` is 'groups' or 'firm_groups')."""

    def __init__(self, name: str, groups: list):
        self.name = name
        self.groups = groups

    @classmethod
    def read(cls, f, name: str, path) -> "GroupTable":
        where = f"/{name}"
        ds = f[name]
        fields = ds.dtype.names or ()
        if "dimension" not in fields or "value" not in fields:
            raise AnalysisError(f"expected a compound table with fields dimension and value, found "
                                f"{'fields ' + ', '.join(fields) if fields else 'type ' + str(ds.dtype)}",
                                path, where)
        if ds.ndim != 1:
            raise AnalysisError(f"expected one row per group (1 dimension), found shape {ds.shape}", path, where)
        groups = []
        for i, row in enumerate(ds[()]):
            dim, value = text(row["dimension"]), text(row["value"])
            if not dim or not value or dim.count(CROSS) != value.count(CROSS):
                raise AnalysisError(f"row {i} ({dim!r}, {value!r}): a crossed dimension needs one value per "
                                    "component, e.g. ('country*gender', 'bangladesh*female')", path, where)
            groups.append(Group(dim, value))
        labels = [g.label for g in groups]
        duplicate = next((lab for lab in labels if labels.count(lab) > 1), None)
        if duplicate:
            raise AnalysisError(f"group {duplicate!r} appears twice", path, where)
        return cls(name, groups)

    def __len__(self) -> int:
        return len(self.groups)

    def __getitem__(self, i: int) -> Group:
        return self.groups[i]

    def __eq__(self, other) -> bool:
        return isinstance(other, GroupTable) and self.groups == other.groups

    @property
    def labels(self) -> list:
        return [g.label for g in self.groups]

    def dimensions(self) -> list:
        """Dimensions present, in file order ('all' first when it is first)."""
        seen = []
        for g in self.groups:
            if g.dimension not in seen:
                seen.append(g.dimension)
        return seen

    def resolve_dimension(self, requested: str):
        """The file's name for a requested dimension: the same, or a crossing written in another order
        ('gender*country' finds 'country*gender'); None when the table has no such groups."""
        if requested in self.dimensions():
            return requested
        parts = sorted(requested.split(CROSS))
        return next((d for d in self.dimensions() if sorted(d.split(CROSS)) == parts), None)

    def indices(self, dims) -> list:
        """Indices of the 'all' group plus every group of the requested dimensions present here."""
        wanted = {self.resolve_dimension(d) for d in dims or []} - {None}
        return [i for i, g in enumerate(self.groups) if g.is_all or g.dimension in wanted]

    def find(self, spec: str):
        """Index of the group a user names (see parse_selector), or None."""
        want = parse_selector(spec)
        for i, g in enumerate(self.groups):
            if (g.is_all and not want) or (not g.is_all and dict(g.components) == want):
                return i
        return None

    def as_arrays(self) -> dict:
        return dict(dimension=np.array([g.dimension for g in self.groups], dtype=object),
                    value=np.array([g.value for g in self.groups], dtype=object),
                    label=np.array(self.labels, dtype=object))
