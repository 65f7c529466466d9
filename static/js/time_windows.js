// Weekly time-window rows (templates/includes/time_window_rows.html): "Tambah baris" adds an
// empty row in place and "Hapus baris" removes one, without sending the form. Without JS the
// same form works: "Tambah baris" is a submit that shows the form again with empty rows, and
// "Hapus" is a checkbox.
(function () {
  document.querySelectorAll(".window-rows").forEach(function (box) {
    var prefix = box.getAttribute("data-prefix"), max = +box.getAttribute("data-max");
    var total = box.querySelector("[name='" + prefix + "-TOTAL_FORMS']");
    var initial = +box.querySelector("[name='" + prefix + "-INITIAL_FORMS']").value;
    var template = box.querySelector("template"), add = box.querySelector(".window-add");
    if (!total || !template || !add) return;

    function refresh() { add.hidden = +total.value >= max; }

    function removable(row) {
      var remove = row.querySelector("input[name$='-DELETE']");
      if (!remove) return;
      remove.closest(".field").hidden = true;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "btn btn-small btn-ghost window-remove";
      button.textContent = box.getAttribute("data-remove-label");
      button.addEventListener("click", function () {
        var index = +remove.name.split("-")[1];
        if (index >= initial && index === +total.value - 1) {
          row.remove(); // the last new row: gone, as if never added
          total.value = index;
        } else {
          remove.checked = true;
          row.hidden = true;
        }
        refresh();
        add.focus();
      });
      row.appendChild(button);
    }

    box.querySelectorAll(".window-row").forEach(removable);
    add.type = "button";
    add.addEventListener("click", function () {
      var index = +total.value;
      if (index >= max) return;
      var holder = document.createElement("div");
      holder.innerHTML = template.innerHTML.replace(/__prefix__/g, index);
      var row = holder.firstElementChild;
      template.parentNode.insertBefore(row, template);
      total.value = index + 1;
      removable(row);
      refresh();
      row.querySelector("select").focus();
    });
    refresh();
  });
})();
