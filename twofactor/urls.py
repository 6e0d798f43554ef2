"""Under /admin/2fa/, registered with the admin (twofactor/wagtail_hooks.py): each
view gets Wagtail's login check and the user's admin language."""

from django.urls import include, path

from django_otp_webauthn import views as webauthn_views

from twofactor import views

webauthn_patterns = (
    [
        path(
            "registration/begin/",
            webauthn_views.BeginCredentialRegistrationView.as_view(),
            name="credential-registration-begin",
        ),
        path(
            "registration/complete/",
            webauthn_views.CompleteCredentialRegistrationView.as_view(),
            name="credential-registration-complete",
        ),
        path(
            "authentication/begin/",
            webauthn_views.BeginCredentialAuthenticationView.as_view(),
            name="credential-authentication-begin",
        ),
        path(
            "authentication/complete/",
            views.PasskeyLoginView.as_view(),
            name="credential-authentication-complete",
        ),
        path("jsi18n/", views.passkey_js_catalog, name="js-i18n-catalog"),
    ],
    "otp_webauthn",
)

urlpatterns = [
    path("", views.manage, name="twofactor_manage"),
    path("verify/", views.verify, name="twofactor_verify"),
    path("setup/", views.setup, name="twofactor_setup"),
    path("recovery-codes/", views.new_recovery_codes, name="twofactor_recovery_codes"),
    path("apps/<int:pk>/remove/", views.remove, {"kind": "app"}, name="twofactor_remove_app"),
    path("passkeys/<int:pk>/remove/", views.remove, {"kind": "passkey"}, name="twofactor_remove_passkey"),
    path("passkeys/", include(webauthn_patterns)),
]
