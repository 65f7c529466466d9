"""Sharing and discovery: WhatsApp sharing, OpenGraph/Twitter previews with a generated image,
canonical links, sitemap.xml, robots.txt, similar gigs (also on ended gigs)."""
