/*
 * Saving a form while Wagtail's autosave is under way.
 *
 * On a new page, the first autosave creates the page and points the form at
 * its edit view. A click on "Save draft" (or any action) while that request
 * is still running would post the add form a second time and meet the
 * editor's own page: "The slug is already in use". Here such a submission
 * waits until the autosave has finished and then goes out to the address it
 * left, and no further autosave starts once the editor has submitted.
 */
(() => {
  const AUTOSAVE = '[data-controller~="w-autosave"]';
  const ACTIVE = 'data-w-autosave-active-value';
  const saving = new WeakMap(); // form -> number of autosaves under way

  function busy(form) {
    return (saving.get(form) || 0) > 0;
  }

  document.addEventListener('w-autosave:save', (event) => {
    const form = event.target.closest('form');
    if (!form || event.defaultPrevented) return;
    saving.set(form, (saving.get(form) || 0) + 1);
  });
  ['w-autosave:success', 'w-autosave:error'].forEach((name) => {
    document.addEventListener(name, (event) => {
      const form = event.target.closest('form');
      if (!form) return;
      saving.set(form, Math.max(0, (saving.get(form) || 0) - 1));
      if (!busy(form) && form.nkaHeldSubmit) {
        const submitter = form.nkaHeldSubmit;
        form.nkaHeldSubmit = null;
        // After Wagtail has pointed the form at the page it created.
        requestAnimationFrame(() => resubmit(form, submitter));
      }
    });
  });

  function resubmit(form, submitter) {
    // The clicked button may have been disabled by its progress indicator:
    // carry its name and value in a hidden field instead.
    if (submitter && submitter.name) {
      const carried = document.createElement('input');
      carried.type = 'hidden';
      carried.name = submitter.name;
      carried.value = submitter.value;
      form.append(carried);
    }
    form.requestSubmit();
  }

  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.matches(AUTOSAVE)) return;
      if (busy(form) || form.nkaHeldSubmit) {
        event.preventDefault();
        event.stopImmediatePropagation();
        if (!form.nkaHeldSubmit) form.nkaHeldSubmit = event.submitter || true;
        return;
      }
      // Submitting: no autosave may start behind this request. Should the
      // page stay (another handler stopped the submission), it resumes.
      form.setAttribute(ACTIVE, 'false');
      window.setTimeout(() => form.setAttribute(ACTIVE, 'true'), 10000);
    },
    true,
  );
})();
