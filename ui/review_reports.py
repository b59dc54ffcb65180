"""UI layer: the district reports and sync health of the review workspace, as two panels the
review page shows as tabs. Both take ``client_getter`` (the logged-in `ReviewClient`, or None)
and ask the hub off the GUI thread.

* `ReportsPanel` (``ui/review_dashboard.py``): the dashboard by kecamatan, village, category,
  status and month with charts, the socialization coverage, CSV/XLSX export and the monthly
  PDF for the district leadership (``ui/monthly_report.py``).
* `SyncHealthPanel` (``ui/review_health.py``): per village device, last contact, review
  backlog, app version, clock offset and last error, with silent villages and far-off clocks
  highlighted.
"""

from __future__ import annotations

from ui.report_common import ClientGetter, ReportPeriod
from ui.review_dashboard import ReportsPanel
from ui.review_health import SyncHealthPanel

__all__ = ["ClientGetter", "ReportPeriod", "ReportsPanel", "SyncHealthPanel"]
