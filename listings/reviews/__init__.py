"""Two-way reviews after a hire or an ended trial: services (writes), selectors (reads), views."""
