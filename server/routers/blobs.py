"""``/v1/blobs/{sha256}``: status (exists / bytes received), resumable upload, download."""

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from app.sync.protocol import BlobStatus
from server.auth import DeviceDep
from server.db import ReadSessionDep, SessionDep
from server.errors import HubError
from server.services import blobstore

router = APIRouter(tags=["blobs"])


def _files(request: Request) -> blobstore.BlobFiles:
    settings = request.app.state.db.settings
    return blobstore.BlobFiles(settings.blobs_path, settings.max_blob_bytes)


@router.get("/blobs/{sha256}", response_model=BlobStatus)
def status(sha256: str, request: Request, device: DeviceDep, session: ReadSessionDep) -> BlobStatus:
    return blobstore.status(session, _files(request), device, blobstore.check_sha(sha256))


@router.put("/blobs/{sha256}", response_model=BlobStatus)
async def upload(sha256: str, request: Request, device: DeviceDep, session: SessionDep,
                 offset: Annotated[int, Query(ge=0)], size: Annotated[int, Query(ge=0)]) -> BlobStatus:
    files = _files(request)
    blobstore.check_sha(sha256)
    if size > files.max_size:
        raise HubError(413, "blob_too_large", limit_mb=files.max_size // 1024 // 1024)
    chunk = await request.body()
    return await run_in_threadpool(blobstore.upload, session, files, device, sha256, offset, size, chunk)


@router.get("/blobs/{sha256}/content")
def download(sha256: str, request: Request, device: DeviceDep, session: ReadSessionDep) -> FileResponse:
    path = blobstore.open_for(session, _files(request), device, blobstore.check_sha(sha256))
    return FileResponse(path, media_type="application/octet-stream")
