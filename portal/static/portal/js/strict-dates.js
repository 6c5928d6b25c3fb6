// The admin's date pickers keep what the person typed (see portal/date_widgets.py).
//
// jQuery datetimepicker re-parses a field's text when it loses focus, rolling 31.02.2024 over
// into 02.03.2024 and replacing «abc» with the current moment. The project's own date widgets
// switch that off in their options; this default does the same for the pickers Wagtail builds
// itself (a page's publishing schedule, the date filters of lists). It is loaded before any
// picker is initialised (the `insert_global_admin_js` hook comes after the vendor scripts and
// before the page's body), so every picker starts with it.
(function () {
  "use strict";
  if (window.jQuery && window.jQuery.fn.datetimepicker) {
    window.jQuery.fn.datetimepicker.defaults.validateOnBlur = false;
  }
})();
