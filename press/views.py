"""The press list's pages (press.models.PressListPage routes here): the
sign-up form, "check your inbox", confirm, manage and unsubscribe.

Every answer is for one visitor only: never cached, never indexed, no
cookie. POSTs are checked for where they come from (contact.protection);
the sign-up also for its honeypot, fill time and rate. The one-click
unsubscribe of RFC 8058 is a POST to the unsubscribe link that a mail
program sends without a visit: it needs nothing but the link.
"""

from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control

from contact import protection
from press import subscriptions, tokens
from press.forms import PreferencesForm, SubscribeForm

TEMPLATE = "press/press_list_page.html"


def render(page, request, step, status=200, **context):
    full = page.get_context(request)
    full.update(step=step, **context)
    response = TemplateResponse(request, TEMPLATE, full, status=status)
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    if step != "form":
        response["X-Robots-Tag"] = "noindex"
    return response


def refused(page, request, form, refusal):
    response = render(page, request, "form", status=refusal.status, form=form, refusal=refusal, form_has_errors=True)
    for header, value in refusal.headers.items():
        response[header] = value
    return response


def sign_up(page, request):
    if request.method in ("GET", "HEAD"):
        return render(page, request, "form", form=SubscribeForm(page=page))
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    refusal = protection.check_origin(request) or protection.check_rate(request)
    if refusal is None and protection.STAMP not in request.POST and request.POST.get("short") == "1":
        # The short form of the newsroom, a release or the footer: the
        # address typed there, the rest asked for here. Nothing is stored.
        email = request.POST.get("email", "")[:254]
        return render(page, request, "form", form=SubscribeForm(page=page, initial={"email": email}))
    if refusal is None:
        refusal = protection.check_honeypot(request.POST) or protection.check_stamp(
            page, request.POST.get(protection.STAMP)
        )
    data = request.POST.copy()
    data[protection.STAMP] = protection.new_stamp(page)
    data[protection.HONEYPOT] = ""
    form = SubscribeForm(data, page=page)
    valid = form.is_valid()
    if refusal is not None:
        return refused(page, request, form, refusal)
    if not valid:
        return render(page, request, "form", form=form, form_has_errors=True)
    subscriptions.sign_up(
        form.cleaned_data["email"],
        form.cleaned_data["language"],
        form.cleaned_data["topics"],
        form.cleaned_data["cities"],
        form.consent_text(),
        page.locale.language_code,
    )
    # The same answer whether the address was new, waiting or on the list.
    return HttpResponseRedirect(page.url + page.reverse_subpage("sent"), status=303)


def sent(page, request):
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    return render(page, request, "sent")


def _post_refused(page, request):
    refusal = protection.check_origin(request)
    if refusal is not None:
        return render(page, request, "invalid", status=refusal.status, refusal=refusal)
    return None


def confirm(page, request, token):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    subscriber = tokens.subscriber_to_confirm(token)
    if subscriber is None:
        return render(page, request, "invalid", status=404)
    if request.method != "POST":
        # A button, not the link itself: mail scanners follow links.
        return render(page, request, "confirm", subscriber=subscriber)
    if (response := _post_refused(page, request)) is not None:
        return response
    subscriptions.confirm(subscriber)
    return render(page, request, "confirmed", manage_url=_manage_url(page, subscriber))


def _manage_url(page, subscriber):
    return page.url + page.reverse_subpage("manage", args=[tokens.manage_token(subscriber)])


def manage(page, request, token):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    subscriber = tokens.subscriber_to_manage(token)
    if subscriber is None:
        return render(page, request, "invalid", status=404)
    initial = {"language": subscriber.language, "topics": subscriber.topics, "cities": subscriber.cities}
    if request.method != "POST":
        return render(page, request, "manage", form=PreferencesForm(page=page, initial=initial), subscriber=subscriber)
    if (response := _post_refused(page, request)) is not None:
        return response
    if "unsubscribe" in request.POST:
        subscriptions.unsubscribe(subscriber)
        return render(page, request, "unsubscribed")
    form = PreferencesForm(request.POST, page=page, initial=initial)
    if not form.is_valid():
        return render(page, request, "manage", form=form, subscriber=subscriber, form_has_errors=True, status=400)
    # Confirming by the manage link counts too: it reached the address.
    subscriptions.confirm(subscriber)
    subscriptions.change(
        subscriber, form.cleaned_data["language"], form.cleaned_data["topics"], form.cleaned_data["cities"]
    )
    return render(page, request, "manage", form=form, subscriber=subscriber, saved=True)


def unsubscribe(page, request, token):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    subscriber = tokens.subscriber_to_manage(token)
    if request.method != "POST":
        if subscriber is None:
            return render(page, request, "unsubscribed")  # gone already, or never there: nothing to do
        return render(page, request, "unsubscribe", subscriber=subscriber)
    if (response := _post_refused(page, request)) is not None:
        return response
    if subscriber is not None:
        subscriptions.unsubscribe(subscriber)
    return render(page, request, "unsubscribed")
