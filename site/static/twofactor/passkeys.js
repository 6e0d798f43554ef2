// Show a newly added passkey in the list (django-otp-webauthn announces it with an event).
document.addEventListener("otp_webauthn.register_complete", () => window.location.reload());
