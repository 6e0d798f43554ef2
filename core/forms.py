"""Admin forms of the site."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template import loader

from wagtail.admin.forms.auth import PasswordResetForm


class QueuedPasswordResetForm(PasswordResetForm):
    """Wagtail's password reset form, whose mail is looked up and sent by the
    task worker (core.tasks.send_password_reset): the answer is the same and
    takes as long whether or not an account has the address, and the link
    points to the site's configured address (WAGTAILADMIN_BASE_URL), never to
    the Host header of the request that asked for it."""

    def save(self, *, subject_template_name, email_template_name, from_email=None, **kwargs):
        from core.tasks import send_password_reset

        base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        send_password_reset.enqueue(
            email=self.cleaned_data["email"],
            domain=base.netloc,
            use_https=base.scheme == "https",
            subject_template_name=subject_template_name,
            email_template_name=email_template_name,
            from_email=from_email,
        )


class RetryingPasswordResetForm(PasswordResetForm):
    """The form the task worker sends the reset mail with: Django's own logs
    a failed send and gives up; this one tries again (core.mail), each
    account's mail on its own, so no account gets its mail twice."""

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        from core.mail import send_with_retries

        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        if html_email_template_name is not None:
            message.attach_alternative(loader.render_to_string(html_email_template_name, context), "text/html")
        send_with_retries(message)
