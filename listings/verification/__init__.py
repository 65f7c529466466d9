"""Self-serve UMKM verification: the owner asks with evidence, a moderator decides."""
