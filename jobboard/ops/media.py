"""Where uploads live: any S3-compatible object store (AWS S3, MinIO, Cloudflare R2, Wasabi,
IDCloudHost…) through django-storages, or local files under MEDIA_ROOT."""


def s3_media_storage(
    *,
    bucket: str,
    endpoint_url: str | None = None,
    region: str | None = None,
    access_key: str | None = None,
    secret_key: str | None = None,
    prefix: str = "",
    addressing_style: str = "path",
) -> dict:
    """STORAGES["default"] for a private bucket: objects are never public (no ACL, signed
    URLs only) and never overwritten; the app serves them through its own views."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint_url,
            "region_name": region,
            "access_key": access_key,
            "secret_key": secret_key,
            "location": prefix,
            "addressing_style": addressing_style,
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
