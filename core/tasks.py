"""Background tasks, run by the one task worker (`manage.py run_worker`)."""

import logging
import time
from datetime import UTC, datetime, timedelta

from django.utils import timezone

from django_tasks import default_task_backend, task

logger = logging.getLogger("core.caching.purge")


@task()
def purge_frontend_cache_task(everything, paths):
    """Purge a CDN or Varnish (WAGTAILFRONTENDCACHE): the given (site id,
    path) pairs, or every live page's URLs when `everything`, which at scale
    is tens of thousands and must not be listed during an editor's request."""
    from wagtail.models import Page, Site

    roots = {site.pk: site.root_url for site in Site.objects.all()}
    urls = {f"{roots[site_id]}{path}" for site_id, path in paths if site_id in roots}
    if everything:
        from core.caching.purge import page_paths

        pages = Page.objects.live().filter(depth__gte=2).specific(defer=True).iterator(chunk_size=1000)
        urls |= {f"{roots[site_id]}{path}" for site_id, path in page_paths(pages) if site_id in roots}
    purge_urls_retrying(sorted(urls), first_tried=time.time())


# A CDN purge that fails (its API or Varnish not answering) is tried again
# this many seconds later, then twice as long, until the CDN's copies have
# expired on their own (PAGE_CACHE_SECONDS, their s-maxage): no copy stays
# stale longer than that, whatever the outage.
FRONTEND_RETRY_SECONDS = 15


class _FailedPurges(logging.Handler):
    """Wagtail's frontend-cache backends log a failed purge and go on; this
    notes which of the URLs they named."""

    def __init__(self, urls):
        super().__init__(logging.ERROR)
        self.urls, self.failed = set(urls), set()

    def emit(self, record):
        if not str(record.msg).startswith("Couldn't purge"):
            return
        named = {arg for arg in record.args or () if isinstance(arg, str)} & self.urls
        # A batch API (Cloudflare, CloudFront) names paths or nothing usable:
        # every URL of the call is tried again.
        self.failed |= named or self.urls


def purge_urls_retrying(urls, first_tried, attempt=1):
    from django.conf import settings

    from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task

    if not urls:
        return "nothing to purge"
    recorder = _FailedPurges(urls)
    wagtail_logger = logging.getLogger("wagtail.frontendcache")
    wagtail_logger.addHandler(recorder)
    try:
        purge_urls_from_cache_task.call(list(urls))
    finally:
        wagtail_logger.removeHandler(recorder)
    if not recorder.failed:
        return "purged"
    failed = sorted(recorder.failed)
    delay = FRONTEND_RETRY_SECONDS * 2 ** (attempt - 1)
    expired_by = first_tried + getattr(settings, "PAGE_CACHE_SECONDS", 600)
    if time.time() + delay >= expired_by or not default_task_backend.supports_defer:
        logger.error(
            "The frontend cache did not take the purge of %d URLs after %d attempts; its copies expire by %s",
            len(failed),
            attempt,
            datetime.fromtimestamp(expired_by, tz=UTC).isoformat(timespec="seconds"),
        )
        return "gave up"
    retry_frontend_purge.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
        failed, first_tried, attempt + 1
    )
    return f"{len(failed)} URLs again in {delay} s"


@task()
def retry_frontend_purge(urls, first_tried, attempt):
    """A frontend-cache purge that failed, tried again (purge_urls_retrying)."""
    return purge_urls_retrying(urls, first_tried, attempt)


@task()
def send_password_reset(email, domain, use_https, subject_template_name, email_template_name, from_email=None):
    """The password reset mail for the accounts with this address, if any
    (core.forms.QueuedPasswordResetForm), tried again while the mail server
    fails and logged at ERROR if it never answers (core.mail)."""
    from core.forms import RetryingPasswordResetForm

    form = RetryingPasswordResetForm({"email": email})
    if form.is_valid():
        form.save(
            domain_override=domain,
            use_https=use_https,
            subject_template_name=subject_template_name,
            email_template_name=email_template_name,
            from_email=from_email,
        )


# How often the worker checks whether the shared cache is back.
CACHE_RETRY_SECONDS = 10


@task()
def purge_everything_when_the_cache_is_back():
    """Purge every page once the shared cache (Redis) answers again: a purge
    made while it was down did not reach it (core/caching/redis_cache.py). Until
    then the task puts itself back in the queue every CACHE_RETRY_SECONDS."""
    import uuid

    from django.core.cache import caches

    from core.caching import page_cache, precomputed
    from core.caching.fragments import new_generation

    probe = f"cache-probe:{uuid.uuid4().hex}"
    pages = caches["pages"]
    pages.set(probe, 1, timeout=10)
    if pages.get(probe) != 1:
        if default_task_backend.supports_defer:
            purge_everything_when_the_cache_is_back.using(
                run_after=timezone.now() + timedelta(seconds=CACHE_RETRY_SECONDS)
            ).enqueue()
        else:
            logging.getLogger("core.caching.fragments").error(
                "The shared cache missed a purge and is still down; run `manage.py purge_page_cache` once it is back."
            )
        return "waiting"
    pages.delete(probe)
    new_generation()
    page_cache.purge_all()
    precomputed.renew(everything=True)
    return "purged"


# After the reference index and purges queued with it: a page saved just
# before this runs is then known to show the image (and it may take seconds).
@task(priority=-10)
def make_renditions_task(image_ids):
    """Make the renditions of the site's sizes of these images (queued on
    upload, on publish and by a page showing an image without them), then
    purge the pages that show each image, which showed its original until now."""
    from core import images
    from core.caching import purge
    from core.models import CustomImage

    failed = []
    for image in CustomImage.objects.filter(pk__in=image_ids):
        try:
            made = images.make_renditions(image)
        except Exception:  # one broken file must not keep the others waiting
            images.logger.exception("Could not make the renditions of image %s", image.pk)
            failed.append(image.pk)
            continue
        if made:
            purge.object_changed(image)
    if failed:
        raise RuntimeError(f"No renditions for images {failed}; see the log")
