"""A video file replaced in the documents' admin: the pages showing it state
its new size, duration and format at once.

The pages keep what the file is (read with PyAV when a page is saved), for
the download link, the feeds and the search engines. Saving a document with
a new file (Wagtail's "replace file" in the documents' admin) reads the
new file and updates the live pages that use it, in the same transaction;
the purge that follows every document save (core.caching.purge) then
brings them to the next visitor. Drafts and scheduled revisions are read
again when they are published (SignLanguageVideoPage.save()).
"""

import logging

logger = logging.getLogger(__name__)


def video_document_saved(sender, instance, created=False, raw=False, **kwargs):
    from signlanguage import media
    from signlanguage.models import SignLanguageVideoPage, read_video_document, video_metadata

    if created or raw:
        return
    pages = SignLanguageVideoPage.objects.filter(video=instance).exclude(video_hash=instance.file_hash)
    ids = list(pages.values_list("pk", flat=True))
    if not ids:
        return
    try:
        metadata = video_metadata(read_video_document(instance), instance)
    except (media.MediaError, OSError) as error:
        # Size at least is known; the editor of the page is told at the next edit.
        logger.warning("Video document %s cannot be read (%s); pages %s keep the old details", instance.pk, error, ids)
        SignLanguageVideoPage.objects.filter(pk__in=ids).update(video_size=instance.file_size)
        return
    SignLanguageVideoPage.objects.filter(pk__in=ids).update(**metadata)
