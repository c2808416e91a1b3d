window.TK_DATA.add("search/v-ki", {"terms":{},"words":{"kild":["kilde",[],[],[13]]}});
