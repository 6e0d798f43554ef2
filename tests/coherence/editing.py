"""Edits made the way an editor makes them: the admin's own edit forms,
submitted with every value the form already holds, one field changed."""

from django.contrib.admin.utils import quote
from django.urls import reverse

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import DraftStateMixin, Page

from bs4 import BeautifulSoup

SKIPPED_INPUTS = {"submit", "button", "image", "reset", "file"}


def form_data(form):
    """What a browser submits for this form as it stands (no button pressed)."""
    data = {}

    def add(name, value):
        data.setdefault(name, []).append(value)

    for element in form.find_all(["input", "textarea", "select"]):
        name = element.get("name")
        if not name or element.has_attr("disabled"):
            continue
        if element.name == "input":
            kind = (element.get("type") or "text").lower()
            if kind in SKIPPED_INPUTS:
                continue
            if kind in ("checkbox", "radio"):
                if element.has_attr("checked"):
                    add(name, element.get("value", "on"))
                continue
            add(name, element.get("value", ""))
        elif element.name == "textarea":
            text = element.string or ""
            add(name, text[1:] if text.startswith("\n") else text)
        else:
            options = element.find_all("option")
            chosen = [option for option in options if option.has_attr("selected")]
            if not chosen and options and not element.has_attr("multiple"):
                chosen = options[:1]
            for option in chosen:
                add(name, option.get("value", option.get_text()))
    return {name: values if len(values) > 1 else values[0] for name, values in data.items()}


def edit_url(instance, user):
    """The admin's edit view of an instance (snippet, image, document, collection, setting)."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    if isinstance(instance, BaseSiteSetting):
        meta = instance._meta
        return reverse("wagtailsettings:edit", args=[meta.app_label, meta.model_name, instance.site_id])
    if isinstance(instance, BaseGenericSetting):
        meta = instance._meta
        return reverse("wagtailsettings:edit", args=[meta.app_label, meta.model_name])
    url = AdminURLFinder(user).get_edit_url(instance)
    assert url, f"the admin has no edit view for {instance!r}"
    return url


class Editor:
    """A logged-in superuser's test client."""

    def __init__(self, client, user):
        self.client, self.user = client, user


def submit_edit(editor, instance, changes):
    """Change fields of a model instance through its admin edit form (and
    publish it, for models with drafts). Returns the admin's response."""
    client = editor.client
    url = edit_url(instance, editor.user)
    page = client.get(url)
    assert page.status_code == 200, f"{url} answered {page.status_code}"
    html = BeautifulSoup(page.content.decode(), "html.parser")
    forms = [
        form
        for form in html.find_all("form")
        if (form.get("method") or "").lower() == "post" and all(form.find(attrs={"name": name}) for name in changes)
    ]
    assert forms, f"no form at {url} has the fields {sorted(changes)}"
    data = form_data(forms[0])
    data.update(changes)
    if isinstance(instance, DraftStateMixin) and not isinstance(instance, Page):
        data["action-publish"] = "action-publish"
    action = forms[0].get("action") or url
    response = client.post(action, data)
    if response.status_code != 302:
        errors = BeautifulSoup(response.content.decode(), "html.parser").select(".error-message, .help-critical")
        raise AssertionError(
            f"the admin refused the edit at {url} ({response.status_code}): "
            + "; ".join(error.get_text(" ", strip=True) for error in errors)
        )
    return response


def submit_delete(editor, instance):
    """Delete a snippet through the admin's delete view (its confirmation form)."""
    viewset = getattr(type(instance), "snippet_viewset", None)
    assert viewset is not None, "deleting through the admin is written for snippets"
    delete_url = reverse(viewset.get_url_name("delete"), args=[quote(instance.pk)])
    response = editor.client.post(delete_url)
    assert response.status_code == 302, f"{delete_url} answered {response.status_code}"
    return response


def localize_translation(instance):
    """The wagtail-localize translation an instance is the target of, if any:
    the admin then edits it in the translation editor, not in a form."""
    from wagtail_localize.models import Translation

    key = getattr(instance, "translation_key", None)
    if key is None:
        return None
    return Translation.objects.filter(source__object_id=key, target_locale_id=instance.locale_id).first()


def submit_translation(translation, old, new):
    """What a translator does in wagtail-localize's editor: translate a
    string anew and publish the translation. False if no string reads `old`
    (a field kept in sync with the source, say)."""
    po = translation.export_po()
    changed = False
    for entry in po:
        if not entry.obsolete and entry.msgstr == old:
            entry.msgstr = new
            changed = True
    if changed:
        translation.import_po(po)
        translation.save_target(publish=True)
    return changed
