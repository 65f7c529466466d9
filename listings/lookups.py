"""Lookups over JSON lists of vocabulary codes (channels, duties, schedule).

PostgreSQL answers them with the jsonb `?` / `?|` operators (GIN-indexable); SQLite, the
quick-start database, with `json_each`. Usage: `Gig.objects.filter(channels__has_code="shopee")`,
`Gig.objects.filter(channels__has_any_code=["shopee", "tokopedia"])`.
"""

from django.db.models import JSONField, Lookup


@JSONField.register_lookup
class HasCode(Lookup):
    lookup_name = "has_code"
    prepare_rhs = False

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} ? %s", [*lhs_params, str(self.rhs)]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"EXISTS (SELECT 1 FROM json_each({lhs}) WHERE json_each.value = %s)", [
            *lhs_params,
            str(self.rhs),
        ]


@JSONField.register_lookup
class HasAnyCode(Lookup):
    lookup_name = "has_any_code"
    prepare_rhs = False

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} ?| %s::text[]", [*lhs_params, [str(v) for v in self.rhs]]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        codes = [str(v) for v in self.rhs] or [""]
        placeholders = ", ".join(["%s"] * len(codes))
        return (
            f"EXISTS (SELECT 1 FROM json_each({lhs}) WHERE json_each.value IN ({placeholders}))",
            [*lhs_params, *codes],
        )
