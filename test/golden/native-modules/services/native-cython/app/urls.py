"""The URL routes of native-cython. Generated: do not edit."""

from django.urls import path

from . import views

urlpatterns = [
    path("healthz", views.HealthzView.as_view()),
    path("readyz", views.ReadyzView.as_view()),
    path("ping", views.PingView.as_view()),
    path("native-cython/<str:p0>", views.Route0View.as_view()),
]
