<div class="print-cover">
  <h1>{{ config.site_name }}</h1>
  <p>{{ config.site_description }}</p>
  <p>The seven-step method for system design interviews, worked end to end.<br>
     Text CC BY-SA 4.0 · Code MIT.</p>
</div>
