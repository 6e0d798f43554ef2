"""Editorial roles and the review workflow, set up idempotently.

Groups (names in German, as editors see them):

- **Redaktion** creates and edits all content in both languages and submits
  it for review; it cannot publish.
- **Moderation** reviews and publishes, locks and unlocks pages.
- **Übersetzung** edits the English tree only (translations), syncs them
  from their German source and submits them for review.
- one group per member city ("Stadtredaktion Wuppertal"): edits only its
  city's member profile (both languages) and writes press releases and
  events, which then need review; uploads images and documents to its
  city's collection, where it alone (besides the newsroom) may change them.

Redaktion and Moderation manage every image and document; Übersetzung and
the cities choose from all of them.

Every page lies under the workflow "Redaktionelle Prüfung": a change by
anyone without the right to publish goes live only after a member of
Moderation approves it. Run by `manage.py setup_roles` (called by `make run`
and `load_demo`) and, for a new member city, when its page is first saved.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from core import relations

EDITORS = "Redaktion"
MODERATORS = "Moderation"
TRANSLATORS = "Übersetzung"
CITY_GROUP_PREFIX = "Stadtredaktion "
WORKFLOW_NAME = "Redaktionelle Prüfung"
TASK_NAME = "Freigabe durch die Moderation"

# Wagtail's own starter groups and workflow, replaced by the ones above.
WAGTAIL_DEFAULT_GROUPS = ("Editors", "Moderators")
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"

SNIPPETS = ["news.topic", "news.presscontact", "partners.partnerrole", "partners.fundingnotice"]
# Wagtail checks images against the permissions of its own image model,
# whatever the custom image model (WAGTAILIMAGES_IMAGE_MODEL) is.
IMAGE_PERMISSIONS = ["wagtailimages.add_image", "wagtailimages.change_image", "wagtailimages.choose_image"]
DOCUMENT_PERMISSIONS = ["wagtaildocs.add_document", "wagtaildocs.change_document", "wagtaildocs.choose_document"]
CHOOSE_MEDIA = ["wagtailimages.choose_image", "wagtaildocs.choose_document"]


def permissions(*names):
    """Permission objects for "app_label.codename" names."""
    found = []
    for name in names:
        app_label, codename = name.split(".")
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def snippet_permissions(actions):
    return permissions(
        *(f"{model.split('.')[0]}.{action}_{model.split('.')[1]}" for model in SNIPPETS for action in actions)
    )


def page_permissions(*actions):
    return permissions(*(f"wagtailcore.{action}_page" for action in actions))


def set_page_permissions(group, grants):
    """Give a group exactly these page permissions and no others.

    grants: [(pages, actions)], e.g. [([home_de, home_en], ["add", "change"])].
    """
    wanted = {
        (page.pk, permission.pk)
        for pages, actions in grants
        for page in pages
        for permission in page_permissions(*actions)
    }
    current = GroupPagePermission.objects.filter(group=group)
    stale = [
        pk
        for pk, page_id, perm_id in current.values_list("pk", "page_id", "permission_id")
        if (page_id, perm_id) not in wanted
    ]
    GroupPagePermission.objects.filter(pk__in=stale).delete()
    existing = set(current.values_list("page_id", "permission_id"))
    GroupPagePermission.objects.bulk_create(
        [
            GroupPagePermission(group=group, page_id=page_id, permission_id=permission_id)
            for page_id, permission_id in sorted(wanted - existing)
        ]
    )


def set_collection_permissions(group, grants):
    """Give a group exactly these image and document permissions and no others.

    grants: [(collection, permission names)]; a permission on a collection
    covers the collections below it.
    """
    wanted = {(collection.pk, permission.pk) for collection, names in grants for permission in permissions(*names)}
    current = GroupCollectionPermission.objects.filter(group=group)
    current.exclude(
        pk__in=[pk for pk, *key in current.values_list("pk", "collection_id", "permission_id") if tuple(key) in wanted]
    ).delete()
    existing = set(current.values_list("collection_id", "permission_id"))
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(group=group, collection_id=collection_id, permission_id=permission_id)
            for collection_id, permission_id in sorted(wanted - existing)
        ]
    )


def city_collection(member):
    """The collection of a member city's images and documents (below the root, named after the city)."""
    root = Collection.get_first_root_node()
    name = member.city[:255]
    return root.get_children().filter(name=name).first() or root.add_child(name=name)


def homes():
    """Each language's home page (depth 2), keyed by language code."""
    return {page.locale.language_code: page for page in Page.objects.filter(depth=2).select_related("locale")}


@transaction.atomic
def ensure_roles():
    """Create or repair the groups, their permissions and the workflow."""
    admin_access = permissions("wagtailadmin.access_admin", "wagtail_localize.submit_translation")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    translators, _ = Group.objects.get_or_create(name=TRANSLATORS)

    editors.permissions.set([*admin_access, *snippet_permissions(["add", "change"])])
    moderators.permissions.set(
        [
            *admin_access,
            *snippet_permissions(["add", "change", "delete"]),
            *permissions("wagtailredirects.add_redirect", "wagtailredirects.change_redirect"),
            *permissions("wagtailredirects.delete_redirect"),
            *search_promotion_permissions(),
            # The press list's addresses (press/): list, export, import, erasure.
            *permissions(*(f"press.{action}_subscriber" for action in ("view", "add", "change", "delete"))),
        ]
    )
    translators.permissions.set(admin_access)
    # The newsroom manages every image and document (for Wagtail, who may
    # change a file may also delete it).
    root = Collection.get_first_root_node()
    for group in (editors, moderators):
        set_collection_permissions(group, [(root, IMAGE_PERMISSIONS + DOCUMENT_PERMISSIONS)])
    set_collection_permissions(translators, [(root, CHOOSE_MEDIA)])

    by_language = homes()
    all_homes = list(by_language.values())
    set_page_permissions(editors, [(all_homes, ["add", "change"])])
    set_page_permissions(moderators, [(all_homes, ["add", "change", "publish", "lock", "unlock", "bulk_delete"])])
    translated_homes = [page for code, page in by_language.items() if code != Locale.get_default().language_code]
    set_page_permissions(translators, [(translated_homes, ["add", "change"])])

    ensure_workflow(moderators)
    for member in member_pages():
        ensure_city_group(member)

    # Wagtail's starter groups would grant "Editors" and "Moderators" the
    # whole tree next to ours; they go once nobody is in them.
    Group.objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS, user__isnull=True).delete()
    return {"editors": editors, "moderators": moderators, "translators": translators}


def search_promotion_permissions():
    """Editors' picks for the site search (wagtail.contrib.search_promotions)."""
    return list(
        Permission.objects.filter(content_type__app_label="wagtailsearchpromotions").exclude(
            codename__startswith="view_"
        )
    )


def ensure_workflow(moderators):
    """The review workflow on the root page, replacing Wagtail's starter workflow."""
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.active = True
    task.save()
    task.groups.set([moderators])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    if not workflow.active:
        workflow.active = True
        workflow.save()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # On the root it covers every page below, in every language.
    root = Page.get_first_root_node()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    default = Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True).first()
    if default is not None and not default.workflow_pages.exists():
        default.deactivate()
    return workflow


def member_pages():
    MemberPage = relations.model(relations.MEMBER_PAGE)

    default = Locale.get_default()
    return MemberPage.objects.filter(locale=default, alias_of__isnull=True).order_by("city")


def city_group_name(member):
    return f"{CITY_GROUP_PREFIX}{member.city}"[:150]


def ensure_city_group(member):
    """A member city's editors: their city's profile, and new releases and events."""
    EventIndexPage = relations.model(relations.EVENT_INDEX_PAGE)
    NewsIndexPage = relations.model(relations.NEWS_INDEX_PAGE)

    group, _ = Group.objects.get_or_create(name=city_group_name(member))
    group.permissions.set(permissions("wagtailadmin.access_admin"))
    # Their own collection to upload to and edit in; every image and document to choose from.
    set_collection_permissions(
        group,
        [
            (city_collection(member), IMAGE_PERMISSIONS + DOCUMENT_PERMISSIONS),
            (Collection.get_first_root_node(), CHOOSE_MEDIA),
        ],
    )
    profile_versions = list(Page.objects.filter(translation_key=member.translation_key, alias_of__isnull=True))
    default = Locale.get_default()
    indexes = [
        *NewsIndexPage.objects.filter(locale=default, alias_of__isnull=True),
        *EventIndexPage.objects.filter(locale=default, alias_of__isnull=True),
    ]
    # "add" without "change" on the listings: they edit what they wrote
    # themselves, never another city's release.
    set_page_permissions(group, [(profile_versions, ["change"]), (indexes, ["add"])])
    return group
