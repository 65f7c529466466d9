"""Running the board as a service: request ids and logs, health probes, read replicas, error
reports. Nothing here holds business rules."""
