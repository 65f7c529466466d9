from django.http import JsonResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from jobboard.urls import urlpatterns as board_urlpatterns
from listings.models import Gig


@csrf_exempt
def write_then_read(request, pk: int):
    """Renames a gig, then reads it back within the same request (GET or POST)."""
    Gig.objects.filter(pk=pk).update(title=request.GET["title"])
    return JsonResponse({"title": Gig.objects.get(pk=pk).title})


urlpatterns = [
    path("ops-test/write-then-read/<int:pk>/", write_then_read, name="ops_write_then_read"),
    *board_urlpatterns,
]
