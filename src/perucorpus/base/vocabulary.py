"""The domain's words that presentation code needs without the schemas (no pandas or pandera here).

The membership statuses and how each is said; :mod:`perucorpus.base.schemas` takes its list of
statuses from here, and the figures their legend words (the figures also run, for the
old-matplotlib test, in an environment without pandera).
"""

#: Each membership status and how it is said in words (legends, checks, notes), in legend order.
STATUS_WORDS = {
    "founding_member": "founding member",
    "member": "member",
    "represented_by_opposition": "seated via the opposition",
    "stopped_taking_part": "stopped taking part,\nno exit declared",
    "announced_withdrawal": "exit announced",
    "exit_dropped": "exit announced,\nthen dropped",
    "withdrew": "left: exit declared, in effect",
    "designated": "designated",
    "treated_as": "treated as an ally",
    "notified": "intent notified to Congress",
    "announced": "designation announced",
    "signatory": "signed the declaration",
    "attended": "attended the meeting",
    "absent": "named as absent",
}
