# Replaces the contrib hook (every submodule of phonenumbers): the metadata that parsing and validation
# load lazily, without the geocoder, carrier and time-zone data (20 MB) that app.domain.phones never uses.
from PyInstaller.utils.hooks import collect_submodules

UNUSED = ("phonenumbers.geocoder", "phonenumbers.geodata", "phonenumbers.carrier", "phonenumbers.carrierdata",
          "phonenumbers.timezone", "phonenumbers.tzdata")
hiddenimports = collect_submodules("phonenumbers", filter=lambda name: not name.startswith(UNUSED))
