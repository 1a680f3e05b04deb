"""The version of the projections 投影版本, apart from the projector so that opening a profile (which
compares it with the stored one) does not import the fold and its pydantic models (issue 15).
"""

# Raise when the fold or the projected columns change meaning: a profile whose rows were projected by an
# older version is rebuilt from its events when it is opened (``app.services.maintenance``).
# 2: deadlines from receipt, reopening back to verification, feedback after a breach (issue 9).
# 3: milestone tables for supervision figures (state_spells, stage_deadlines, sanction_spells; issue 10).
# 4: the breach register (breach_records; issue 11).
# 5: complaints.channel_ref, the source channel's ticket number, for imports (migration 0008; issue 11).
#    and duplicates (complaints.complainant_key, respondent_key, merged_into; duplicate_marks; issue 11).
PROJECTION_VERSION = 5
