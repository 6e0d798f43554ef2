"""Background tasks, run by the one task worker (`manage.py run_worker`)."""

from django_tasks import task


@task()
def purge_frontend_cache_task(everything, paths):
    """Purge a CDN or Varnish (WAGTAILFRONTENDCACHE): the given (site id,
    path) pairs, or every live page's URLs when `everything`, which at scale
    is tens of thousands and must not be listed during an editor's request."""
    from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
    from wagtail.models import Page, Site

    roots = {site.pk: site.root_url for site in Site.objects.all()}
    urls = {f"{roots[site_id]}{path}" for site_id, path in paths if site_id in roots}
    if everything:
        from core.purge import page_paths

        pages = Page.objects.live().filter(depth__gte=2).specific(defer=True).iterator(chunk_size=1000)
        urls |= {f"{roots[site_id]}{path}" for site_id, path in page_paths(pages) if site_id in roots}
    purge_urls_from_cache_task.call(sorted(urls))


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
