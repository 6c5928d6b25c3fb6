// A button marked data-print prints the page. A static file, so the Content-Security-Policy
// needs no inline handler and the page no nonce (see portal/csp.py).
document.addEventListener("click", (event) => {
    if (event.target.closest("[data-print]")) {
        window.print();
    }
});
