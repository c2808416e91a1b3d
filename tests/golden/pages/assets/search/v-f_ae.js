window.TK_DATA.add("search/v-f_ae", {"terms":{},"words":{"færdighedstræning":["færdighedstræning",[6],[0,2,8],[]]}});
