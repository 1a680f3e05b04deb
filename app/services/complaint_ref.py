"""Finding the complaint a user names 查找案件: by id or case number, within the user's region.

Apart from ``app.services.act`` (which re-exports both) so that showing a complaint does not import the
event rules, the payload models and the projector that acting needs (issue 15).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.domain.complaint import Complaint
from app.domain.errors import DomainError
from app.domain.numbering import looks_like_case_no
from app.domain.regions import in_scope
from app.store.uow import UnitOfWork

if TYPE_CHECKING:
    from app.services.profile import Profile
    from app.services.users import Actor


def resolve_ref(uow: UnitOfWork, ref: str) -> str:
    """A complaint id from an id or a case number; ``complaint_not_found`` otherwise."""
    ref = ref.strip()
    if looks_like_case_no(ref):
        found = uow.complaints.id_for_case_no(ref)
        if found:
            return found
    elif uow.complaints.get(ref) is not None:
        return ref
    raise DomainError("complaint_not_found", ref=ref)


def load_in_scope(uow: UnitOfWork, profile: Profile, actor: Actor, ref: str) -> Complaint:
    complaint = uow.complaints.get(resolve_ref(uow, ref))
    assert complaint is not None
    if not in_scope(actor.region_code, complaint.region_code):
        raise DomainError("complaint_not_found", ref=ref)  # out of scope looks the same as absent
    return complaint
