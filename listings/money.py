"""Money is whole rupiah (int); this is the one place that formats it for people."""


def format_rupiah(amount: int | float) -> str:
    """Whole rupiah with Indonesian thousands dots: 1500000 -> 'Rp 1.500.000'."""
    return "Rp " + f"{round(amount):,}".replace(",", ".")
